using ContactCenter.Channels.Sdk;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Channels.Webhooks;

/// <summary>
/// The providers' door: <c>GET</c> answers the subscription handshake, <c>POST</c> checks the signature over the
/// raw bytes, stores the request in the inbox and answers 200 only after that commit. No parsing here: the
/// provider waits for this answer, and a parser bug must never make it retry forever or lose the payload.
/// </summary>
internal static class ReceiveWebhook
{
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Seconds a provider is asked to wait after a 503 (the database is restarting or unreachable).</summary>
    private const string RetryAfterSeconds = "5";

    public static async Task<IResult> HandshakeAsync(Guid channelAccountId, HttpContext http, ChannelAdapters adapters)
    {
        if (await adapters.FindAsync(channelAccountId, http.RequestAborted) is not { } adapter)
        {
            return Error.NotFound("The channel account").ToProblem();
        }

        return adapter.Handshake(ToRequest(http, ReadOnlyMemory<byte>.Empty)) is { } answer
            ? Results.Text(answer.Body ?? string.Empty, answer.ContentType, statusCode: answer.StatusCode)
            : new Error("not_a_handshake", "This is not a subscription handshake.").ToProblem();
    }

    public static async Task<IResult> ReceiveAsync(Guid channelAccountId, HttpContext http, ChannelAdapters adapters, WebhookIntake intake)
    {
        // Checked before reading the body, so an unknown account is a 404 whatever it sent (the adapter is cached).
        if (await adapters.FindAsync(channelAccountId, http.RequestAborted) is null)
        {
            return Error.NotFound("The channel account").ToProblem();
        }

        if (await ReadBodyAsync(http.Request) is not { } body)
        {
            return new Error("payload_too_large", $"A webhook body may not exceed {MaxBodyBytes} bytes.", 413).ToProblem();
        }

        var stored = await intake.ReceiveAsync(channelAccountId, ToRequest(http, body), http.Request.QueryString.Value ?? string.Empty, http.RequestAborted);
        if (stored.IsSuccess)
        {
            return Results.Ok();
        }

        if (stored.Error.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // Nothing was stored: the provider retries, and Retry-After tells it when (Meta retries with backoff anyway).
            http.Response.Headers.RetryAfter = RetryAfterSeconds;
        }

        return stored.Error.ToProblem();
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        // Not part of the integrators' API (providers call it), so left out of Swagger.
        var webhooks = app.MapGroup("/webhooks").AllowAnonymous().WithTags("Webhooks").ExcludeFromDescription();
        webhooks.MapGet("/{channelAccountId:guid}", HandshakeAsync)
            .WithName("WebhookHandshake")
            .WithSummary("The provider's subscription handshake (WhatsApp: hub.mode, hub.verify_token, hub.challenge)");
        webhooks.MapPost("/{channelAccountId:guid}", ReceiveAsync)
            .WithName("ReceiveWebhook")
            .WithSummary("A provider's signed webhook: stored in the inbox, then 200")
            .WithDescription("401 for a missing or wrong signature (nothing stored), 404 for an unknown channel account, 413 above 1 MB, 503 with Retry-After while the inbox cannot store it.");
    }

    /// <summary>The raw bytes (never re-serialized: the signature covers them), or null when over the limit.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static WebhookRequest ToRequest(HttpContext http, ReadOnlyMemory<byte> body) => new(
        http.Request.Method,
        http.Request.Path.Value ?? string.Empty,
        http.Request.Query.Select(q => KeyValuePair.Create(q.Key, q.Value.ToString())),
        http.Request.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToString())),
        body);
}
