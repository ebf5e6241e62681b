using System.Text.Json;
using ContactCenter.Channels.Inbox;
using ContactCenter.Channels.Sdk;
using ContactCenter.Kernel.Errors;

namespace ContactCenter.Channels.Webhooks;

/// <summary>
/// Accepting one webhook: the account's plugin checks the signature, the raw request is committed to the inbox
/// together with the other webhooks arriving meanwhile (<see cref="InboxGroupCommit"/>, which wakes the processor).
/// Checks stay per request and come first, so a forged or unknown request never enters the queue. Shared by the HTTP endpoint and the sandbox phone page, so a message typed on the page
/// takes exactly the path a provider's does.
/// </summary>
internal sealed class WebhookIntake(ChannelAdapters adapters, InboxGroupCommit inbox, TimeProvider clock)
{
    // Kept for the plugin (signatures, content type); credentials and cookies are never stored.
    private static readonly HashSet<string> DroppedHeaders = new(StringComparer.OrdinalIgnoreCase) { "Authorization", "Cookie" };

    /// <summary>
    /// The stored inbox row's id, once committed; not_found (404) or invalid_signature (401) with nothing stored;
    /// inbox_unavailable (503) when the commit failed or the host is stopping (nothing acknowledged: the provider retries).
    /// </summary>
    /// <param name="rawQuery">The query string exactly as received (the endpoint keeps it); null builds it from the request.</param>
    public async Task<Result<Guid>> ReceiveAsync(
        Guid channelAccountId, WebhookRequest request, string? rawQuery, CancellationToken cancellationToken)
    {
        if (await adapters.FindAsync(channelAccountId, cancellationToken) is not { } adapter)
        {
            return Error.NotFound("The channel account");
        }

        if (!adapter.VerifySignature(request))
        {
            return new Error("invalid_signature", "The request's signature is missing or wrong.", 401);
        }

        var entry = new InboxEntry
        {
            ChannelAccountId = channelAccountId,
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
            Query = rawQuery ?? Microsoft.AspNetCore.Http.QueryString.Create(request.Query.Select(q => KeyValuePair.Create(q.Key, (string?)q.Value))).Value ?? string.Empty,
            HeadersJson = JsonSerializer.Serialize(request.Headers.Where(h => !DroppedHeaders.Contains(h.Key)).ToDictionary()),
            Body = request.Body.ToArray(),
        };
        try
        {
            await inbox.StoreAsync(entry, cancellationToken);
        }
        catch (InboxUnavailableException e)
        {
            return new Error("inbox_unavailable", $"{e.Message} Try again shortly.", 503);
        }

        return entry.Id;
    }
}
