using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Conformance;

/// <summary>
/// A provider stand-in: a tiny Kestrel app on 127.0.0.1 with a free port that records every request and
/// answers what the test scripts. Tests never reach the real provider.
/// </summary>
public sealed class FakeHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedHttpRequest> _requests = new();

    private FakeHttpServer(WebApplication app, Func<RecordedHttpRequest, FakeHttpResponse> respond)
    {
        _app = app;
        _app.Run(async context => await HandleAsync(context, respond));
    }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The requests received so far, in order.</summary>
    public IReadOnlyList<RecordedHttpRequest> Requests => _requests.ToList();

    /// <summary>Starts a server that answers every request with the same response.</summary>
    /// <param name="response">The answer.</param>
    /// <returns>The running server.</returns>
    public static Task<FakeHttpServer> StartAsync(FakeHttpResponse response) => StartAsync(_ => response);

    /// <summary>Starts a server that answers each request with what <paramref name="respond"/> returns.</summary>
    /// <param name="respond">Chooses the answer for a request.</param>
    /// <returns>The running server.</returns>
    public static async Task<FakeHttpServer> StartAsync(Func<RecordedHttpRequest, FakeHttpResponse> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = new FakeHttpServer(builder.Build(), respond);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>A URL on 127.0.0.1 where nothing listens, for "connection refused" cases.</summary>
    /// <returns>The URL.</returns>
    public static Uri UnusedLocalAddress()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, Func<RecordedHttpRequest, FakeHttpResponse> respond)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var request = new RecordedHttpRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            buffer.ToArray());
        _requests.Enqueue(request);

        var response = respond(request);
        if (response.Hang)
        {
            // Holds the request until the client gives up (its timeout) or the server stops.
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        context.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is { Length: > 0 } body)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.Body.WriteAsync(body);
        }
    }
}
