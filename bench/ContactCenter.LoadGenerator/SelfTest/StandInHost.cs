using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ContactCenter.LoadGenerator.Target;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.LoadGenerator.SelfTest;

/// <summary>
/// --self-test: a tiny stand-in for the product's webhook path, in this process, so the tool can be proven end
/// to end before the host has the endpoint. It answers the same routes the benchmark uses (channel accounts,
/// signed webhooks stored durably before the 200, a processor, messages by provider id) and nothing else.
/// Its figures measure the tool and the database, never the product.
/// </summary>
internal sealed class StandInHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopProcessor = new();
    private readonly Task _processor;

    private StandInHost(WebApplication app, StandInStore store)
    {
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = new Uri(address);
        _processor = Task.Run(() => ProcessAsync(store, _stopProcessor.Token));
    }

    public Uri Url { get; }

    public static async Task<StandInHost> StartAsync(ScratchDatabase database, string apiKey, SelfTestFault fault, CancellationToken ct)
    {
        var store = new StandInStore(database, fault);
        await store.CreateSchemaAsync(ct);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var secrets = new ConcurrentDictionary<Guid, byte[]>();
        bool Authorized(HttpContext http) => http.Request.Headers.Authorization.ToString() == $"Bearer {apiKey}";

        app.MapGet("/health/ready", () => Results.Ok());
        app.MapPost("/api/v1/channel-accounts", async (HttpContext http) =>
        {
            if (!Authorized(http))
            {
                return Results.Unauthorized();
            }

            using var json = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            var id = Guid.CreateVersion7();
            secrets[id] = Encoding.UTF8.GetBytes(json.RootElement.GetProperty("settings").GetProperty("appSecret").GetString()!);
            return Results.Created($"/api/v1/channel-accounts/{id}", new { id });
        });
        app.MapPost("/webhooks/{accountId:guid}", async (Guid accountId, HttpContext http) =>
        {
            if (!secrets.TryGetValue(accountId, out var secret))
            {
                return Results.NotFound();
            }

            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            var body = buffer.ToArray();
            var signature = http.Request.Headers["X-Hub-Signature-256"].ToString();
            if (!SignatureMatches(secret, body, signature))
            {
                return Results.Unauthorized();
            }

            await store.AddToInboxAsync(accountId, signature, Encoding.UTF8.GetString(body), http.RequestAborted);
            return Results.Ok();
        });
        app.MapGet("/api/v1/messages", async (HttpContext http, string? providerMessageId) =>
            !Authorized(http) ? Results.Unauthorized()
            : Results.Ok(new { items = await store.FindAsync(providerMessageId ?? string.Empty, http.RequestAborted) }));

        await app.StartAsync(ct);
        return new StandInHost(app, store);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopProcessor.CancelAsync();
        try
        {
            await _processor;
        }
        catch (OperationCanceledException)
        {
            // stopping
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopProcessor.Dispose();
    }

    private static bool SignatureMatches(byte[] secret, byte[] body, string header)
    {
        if (!header.StartsWith("sha256=", StringComparison.Ordinal))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(7));
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(secret, body), given);
    }

    private static async Task ProcessAsync(StandInStore store, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await store.ProcessBatchAsync(200, ct) == 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(5), ct);
                }
            }
            catch (System.Data.Common.DbException e)
            {
                // The batch rolled back and stays pending: say so and try again, as the product's processor would.
                await Console.Error.WriteLineAsync($"stand-in processor: {e.Message}");
                await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
            }
        }
    }
}
