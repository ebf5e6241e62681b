using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.LoadGenerator.Outbound;

/// <summary>
/// The WhatsApp Cloud Graph API as far as a text send goes (<c>POST …/{phone-number-id}/messages</c>), on a loopback
/// port of this process, set as the channel account's <c>apiBaseUrl</c>. It answers at once with a new wamid and
/// notes when each reply (told apart by its <c>bench-out-N</c> token) arrived and how often.
/// </summary>
internal sealed partial class FakeGraphApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<long, int> _sends = new();
    private readonly ConcurrentQueue<long> _arrivals = new();

    private FakeGraphApi(WebApplication app)
    {
        _app = app;
        BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v24.0");
    }

    public Uri BaseUrl { get; }

    /// <summary>Distinct replies received.</summary>
    public int Distinct => _sends.Count;

    /// <summary>Whether reply number <paramref name="token"/> arrived at least once.</summary>
    public bool Received(long token) => _sends.ContainsKey(token);

    /// <summary>Replies received more than once.</summary>
    public int SentTwice => _sends.Count(s => s.Value > 1);

    /// <summary>Arrival times (Stopwatch ticks) of every send, in order of arrival.</summary>
    public IReadOnlyList<long> Arrivals => [.. _arrivals];

    public static async Task<FakeGraphApi> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeGraphApi? self = null;
        app.MapPost("/v24.0/{phoneNumberId}/messages", async (HttpContext http) =>
        {
            using var json = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            var text = json.RootElement.TryGetProperty("text", out var t) && t.TryGetProperty("body", out var b) ? b.GetString() : null;
            if (text is not null && Token().Match(text) is { Success: true } m)
            {
                self!._arrivals.Enqueue(Stopwatch.GetTimestamp());
                self._sends.AddOrUpdate(long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
            }

            var to = json.RootElement.TryGetProperty("to", out var toElement) ? toElement.GetString() : "0";
            return Results.Json(new
            {
                messaging_product = "whatsapp",
                contacts = new[] { new { input = to, wa_id = to } },
                messages = new[] { new { id = "wamid.BENCHOUT" + Guid.NewGuid().ToString("N") } },
            });
        });
        await app.StartAsync(ct);
        self = new FakeGraphApi(app);
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [GeneratedRegex(@"bench-out-(\d+)")]
    private static partial Regex Token();
}
