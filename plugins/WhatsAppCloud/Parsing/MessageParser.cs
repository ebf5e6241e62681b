using System.Text.Json;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.WhatsAppCloud.Parsing;

/// <summary>An inbound <c>messages[]</c> item (reference §4.1): who, when, in reply to what, from which ad.</summary>
internal static class MessageParser
{
    public static void Read(JsonElement message, string path, ContactDirectory contacts, ParseContext context)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            context.Unreadable(path, "The message is not an object.");
            return;
        }

        if (message.NonEmpty("id") is not { } id)
        {
            context.Unreadable(path, "The message has no id.");
            return;
        }

        var from = message.NonEmpty("from");
        var fromUserId = message.NonEmpty("from_user_id");
        var contact = contacts.Find(from, fromUserId);
        var (phone, userId) = Identity.Resolve(contact?.NonEmpty("wa_id"), from, fromUserId ?? contact?.NonEmpty("user_id"));
        if (phone is null && userId is null)
        {
            context.Unreadable(path, $"The message {id} names no sender (no from, wa_id or user_id).", id);
            return;
        }

        if (!ContentParser.TryRead(message, out var content, out var problem))
        {
            context.Unreadable(path, $"The message {id} could not be read: {problem}", id);
            return;
        }

        var sender = new Sender(phone, userId, contact?.Obj("profile")?.NonEmpty("name"));
        var messageContext = message.Obj("context");
        context.Add(new MessageReceived(id, message.UnixTime("timestamp") ?? context.Now, id, sender, content)
        {
            // A forwarded message's context has only the flags; a reply's (and an interactive answer's) has the id.
            ReplyToProviderMessageId = messageContext?.NonEmpty("id"),
            IsForwarded = messageContext?.Bool("forwarded") == true || messageContext?.Bool("frequently_forwarded") == true,
            IsFrequentlyForwarded = messageContext?.Bool("frequently_forwarded") == true,
            ReferredProduct = messageContext?.Obj("referred_product") is { } product && product.NonEmpty("product_retailer_id") is { } sku
                ? new ReferredProduct(product.NonEmpty("catalog_id"), sku)
                : null,
            Referral = message.Obj("referral") is { } referral ? ReadReferral(referral) : null,
        });
    }

    /// <summary>Click-to-WhatsApp ad (reference §4.1); <c>ctwa_clid</c> is absent for ads shown in Status.</summary>
    private static AdReferral ReadReferral(JsonElement referral) =>
        new(referral.NonEmpty("source_type"), referral.NonEmpty("source_id"), referral.NonEmpty("source_url"))
        {
            Headline = referral.NonEmpty("headline"),
            Body = referral.NonEmpty("body"),
            MediaType = referral.NonEmpty("media_type"),
            MediaUrl = referral.NonEmpty("image_url") ?? referral.NonEmpty("video_url"),
            ClickId = referral.NonEmpty("ctwa_clid"),
            WelcomeText = referral.Obj("welcome_message")?.NonEmpty("text"),
        };
}
