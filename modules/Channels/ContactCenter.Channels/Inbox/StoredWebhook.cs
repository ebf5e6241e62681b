using System.Text.Json;
using ContactCenter.Channels.Sdk;
using Microsoft.AspNetCore.WebUtilities;

namespace ContactCenter.Channels.Inbox;

/// <summary>
/// A stored row back as the request the plugin's parser reads. It lives with the inbox, which owns the row's shape:
/// processing never goes back through the HTTP endpoint that stored it.
/// </summary>
internal static class StoredWebhook
{
    public static WebhookRequest ToWebhookRequest(this InboxEntry entry) => new(
        "POST",
        "/webhooks/" + entry.ChannelAccountId,
        QueryHelpers.ParseQuery(entry.Query).Select(q => KeyValuePair.Create(q.Key, q.Value.ToString())),
        JsonSerializer.Deserialize<Dictionary<string, string>>(entry.HeadersJson) ?? [],
        entry.Body);
}
