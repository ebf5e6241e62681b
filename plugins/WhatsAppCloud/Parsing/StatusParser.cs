using System.Text.Json;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.WhatsAppCloud.Parsing;

/// <summary>
/// Outbound message statuses (reference §5). <c>conversation</c> and <c>pricing</c> are billing data the
/// contract has no place for and v24+ often omits; they are ignored. The key is wamid + status, because
/// statuses arrive at least once and each message has up to one of each (§3).
/// </summary>
internal static class StatusParser
{
    public static void Read(JsonElement status, string path, ParseContext context)
    {
        if (status.NonEmpty("id") is not { } id)
        {
            context.Unreadable(path, "The status has no message id.");
            return;
        }

        var name = status.NonEmpty("status");
        if (status.NonEmpty("type") == "payment")
        {
            // Order-details payment updates (captured/pending/failed) are not delivery statuses.
            context.Unreadable(path, $"Payment status '{name}' of {id} is not handled by this plugin version.", $"{id}:payment:{name}");
            return;
        }

        DeliveryStatus? delivery = name switch
        {
            "sent" => DeliveryStatus.Sent,
            "delivered" => DeliveryStatus.Delivered,
            "read" => DeliveryStatus.Read,
            "played" => DeliveryStatus.Played,
            "failed" => DeliveryStatus.Failed,
            _ => null,
        };
        if (delivery is not { } value)
        {
            context.Unreadable(path, $"The status '{name}' of {id} is unknown to this plugin version.", $"{id}:{name}");
            return;
        }

        var (code, text) = WebhookErrors.First(status);
        context.Add(new MessageStatusChanged($"{id}:{name}", status.UnixTime("timestamp") ?? context.Now, id, value, code, text));
    }
}
