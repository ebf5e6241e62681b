using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Host.Tests.Inbound;

/// <summary>
/// Meta's Graph API for media, on 127.0.0.1: <c>GET /v24.0/{media-id}</c> answers the file's URL (on this
/// server), <c>GET /files/{media-id}</c> the bytes. Unknown media ids get 404. Tests never reach Meta.
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    private readonly WebApplication _app;

    // Counted apart from SentBodies: two sends arriving together must not both read the same count (the outbox sends concurrently).
    private int _accepted;

    private FakeGraph(WebApplication app) => _app = app;

    public ConcurrentDictionary<string, (byte[] Bytes, string MimeType)> Files { get; } = new();

    public ConcurrentQueue<string> Requests { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public string ApiBaseUrl => new Uri(BaseAddress, "v24.0").ToString();

    public static async Task<FakeGraph> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var graph = new FakeGraph(builder.Build());
        graph._app.Run(graph.HandleAsync);
        await graph._app.StartAsync();
        graph.BaseAddress = new Uri(graph._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        return graph;
    }

    /// <summary>Bodies of the messages sent through <c>POST /{phone-number-id}/messages</c>, each accepted as wamid.out-N.</summary>
    public ConcurrentQueue<string> SentBodies { get; } = new();

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        Requests.Enqueue(path);
        if (HttpMethods.IsPost(context.Request.Method) && path.EndsWith("/messages", StringComparison.Ordinal))
        {
            using var reader = new StreamReader(context.Request.Body);
            SentBodies.Enqueue(await reader.ReadToEndAsync());
            await context.Response.WriteAsJsonAsync(new Dictionary<string, object>
            {
                ["messaging_product"] = "whatsapp",
                ["messages"] = new[] { new Dictionary<string, string> { ["id"] = $"wamid.out-{Interlocked.Increment(ref _accepted)}" } },
            });
            return;
        }

        var id = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
        if (!Files.TryGetValue(id, out var file))
        {
            context.Response.StatusCode = 404;
            return;
        }

        if (path.StartsWith("/files/", StringComparison.Ordinal))
        {
            context.Response.ContentType = file.MimeType;
            await context.Response.Body.WriteAsync(file.Bytes);
            return;
        }

        await context.Response.WriteAsJsonAsync(new Dictionary<string, object>
        {
            ["url"] = new Uri(BaseAddress, "files/" + Uri.EscapeDataString(id)).ToString(),
            ["mime_type"] = file.MimeType,
            ["file_size"] = file.Bytes.Length,
            ["id"] = id,
            ["messaging_product"] = "whatsapp",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
