using ContactCenter.Channels.Sdk;
using ContactCenter.Plugins.WhatsAppCloud.Tests.Infrastructure;

namespace ContactCenter.Plugins.WhatsAppCloud.Tests.Parsing;

/// <summary>What each published webhook fixture must turn into; values are copied from the fixture files.</summary>
internal static class FixtureExpectations
{
    public static readonly Dictionary<string, Action<IReadOnlyList<InboundEvent>>> ByFile = new()
    {
        ["inbound_text__meta.json"] = events =>
        {
            var message = Received(events, "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", 1749416383);
            Assert.Equal(new Sender("16505551234", null, "Sheena Nelson"), message.From);
            Assert.Equal(new TextContent("Does it come in another color?"), message.Content);
            Assert.Null(message.ReplyToProviderMessageId);
            Assert.Null(message.Referral);
        },
        ["inbound_text__postman.json"] = events =>
        {
            var message = Received(events, "wamid.ABGGFlCGg0cvAgo-sJQh43L5Pe4W", 1603059201);
            Assert.Equal(new Sender("16315551234", null, "Kerry Fisher"), message.From);
            Assert.Equal(new TextContent("Hello this is an answer"), message.Content);
        },
        ["inbound_text_ctwa_referral__meta.json"] = events =>
        {
            var message = Received(events, "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUQ0N0VFMDA2MTQ0RkJFNkNDNAA=", 1750275992);
            Assert.Equal(new TextContent("Can I get more info about this?"), message.Content);
            var referral = Assert.IsType<AdReferral>(message.Referral);
            Assert.Equal(("ad", "120226305854810726", "https://fb.me/3cr4Wqqkv"), (referral.SourceType, referral.SourceId, referral.SourceUrl));
            Assert.Equal(("Chat with us", "Summer Succulents are here!", "image"), (referral.Headline, referral.Body, referral.MediaType));
            Assert.Equal("https://scontent.xx.fbcdn.net/v/t45.1...", referral.MediaUrl);
            Assert.StartsWith("Aff-n8ZTODiE79d22KtAwQKj9e_mIEOOj27vDVwFjN80dp4", referral.ClickId);
            Assert.Equal("Hi there! Let us know how we can help!", referral.WelcomeText);
        },
        ["inbound_text_ctwa_referral__postman.json"] = events =>
        {
            // Placeholders everywhere: no phone, no timestamp; the raw wa_id keeps the contact attributable.
            var message = Received(events, "wamid.ID", null);
            Assert.Equal(new Sender(null, "<WA_ID>", "<PROFILE_NAME>"), message.From);
            Assert.Equal(("<AD_TITLE>", "<RAW_IMAGE_URL>", null), (message.Referral!.Headline, message.Referral.MediaUrl, message.Referral.ClickId));
        },
        ["inbound_text_identity_security_notification__postman.json"] = events =>
            Assert.Equal(new TextContent("Hi from new number 3601"), Received(events, "ABGGFjFVU2AfAgo6V-Hc5eCgK5Gh", 1602532300).Content),
        ["inbound_text_message_business_button__meta.json"] = events =>
        {
            var message = Received(events, "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTA2NTUwRkNEMDdFQjJCRUU0NQA=", 1750016800);
            Assert.Equal(new ReferredProduct("194836987003835", "di9ozbzfi4"), message.ReferredProduct);
            Assert.Equal("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGA9wcm9kdWN0X2lucXVpcnkA", message.ReplyToProviderMessageId);
        },
        ["inbound_text_product_enquiry__postman.json"] = events =>
            Assert.Equal(new ReferredProduct("CATALOG_ID", "PRODUCT_ID"), Received(events, "wamid.ID", null).ReferredProduct),
        ["inbound_image__postman.json"] = events =>
        {
            var media = Assert.IsType<MediaContent>(Received(events, "wamid.id", null).Content);
            Assert.Equal(new MediaContent(MediaKind.Image, new MediaReference("2754859441498128"), "image/jpeg", "This is a caption", null,
                "81d3bd8a8db4868c9520ed47186e8b7c5789e61ff79f7f834be6950b808a90d3"), media);
        },
        ["inbound_image_with_url__meta.json"] = events =>
        {
            var media = Assert.IsType<MediaContent>(Received(events, "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", 1744344496).Content);
            Assert.Equal(new MediaReference("1003383421387256", "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=133..."), media.Media);
            Assert.Equal(("Taj Mahal", "SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI="), (media.Caption, media.Sha256));
        },
        ["inbound_sticker__postman.json"] = events =>
        {
            var media = Assert.IsType<MediaContent>(Received(events, "<WHATSAPP_BUSINESS_ACCOUNT_ID>", null).Content);
            Assert.Equal((MediaKind.Sticker, "<ID>", "image/webp", false), (media.Kind, media.Media.Id, media.MimeType, media.IsAnimated));
        },
        ["inbound_location__meta.json"] = events =>
            Assert.Equal(new LocationContent(37.44221496582, -122.16165924072, "Philz Coffee", "101 Forest Ave, Palo Alto, CA 94301", "https://philzcoffee.com/"),
                Received(events, "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=", 1744344496).Content),
        ["inbound_contacts_full_placeholders__postman.json"] = events =>
        {
            // The sample has no "type": the contacts[] object gives it away.
            var card = Assert.Single(Assert.IsType<ContactsContent>(Received(events, "<wamid.ID>", null).Content).Contacts);
            Assert.Equal(("<CONTACT_FORMATTED_NAME>", "<CONTACT_ORG_COMPANY>"), (card.Name, card.Organization));
            Assert.Equal(["<CONTACT_PHONE>"], card.Phones);
            Assert.Equal(["<CONTACT_EMAIL>"], card.Emails);
        },
        ["inbound_interactive_button_reply__meta.json"] = events =>
        {
            var message = Received(events, "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTZBQzg0MzQ4QjRCM0NGNkVGOAA=", 1750025136);
            Assert.Equal(new InteractiveReplyContent(InteractiveReplyKind.Button, "cancel-button", "Cancel"), message.Content);
            Assert.Equal("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA", message.ReplyToProviderMessageId);
        },
        ["inbound_interactive_list_reply__meta.json"] = events =>
            Assert.Equal(new InteractiveReplyContent(InteractiveReplyKind.ListRow, "priority_express", "Priority Mail Express", "Next Day to 2 Days"),
                Received(events, "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=", 1749854575).Content),
        ["inbound_button_quick_reply__postman.json"] = events =>
        {
            var message = Received(events, "wamid.ABGGFlCGg0cvAgo-sHWxBA2VFD_S", 1603087229);
            Assert.Equal(new ButtonContent("No", "No-Button-Payload"), message.Content);
            Assert.Equal("wamid.gBGGFlCGg0cvAgkLFm4e9tICiTI", message.ReplyToProviderMessageId);
        },
        ["inbound_order__postman.json"] = events =>
        {
            var order = Assert.IsType<OrderContent>(Received(events, "wamid.ABGGFlCGg0cvAgo6cHbBhfK5760V", 1603069091).Content);
            Assert.Equal(("the-catalog_id", "text-message-sent-along-with-the-order"), (order.CatalogId, order.Text));
            Assert.Equal(new OrderItem("the-product-SKU-identifier", 0, null, "price-currency"), Assert.Single(order.Items));
        },
        ["inbound_reaction__meta.json"] = events =>
            Assert.Equal(new ReactionContent("wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=", "👍"),
                Received(events, "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=", 1749419544).Content),
        ["inbound_reaction_typo_messsage_id__postman.json"] = events =>
            Assert.Equal(new ReactionContent("<WAMID>", "<emoji>"), Received(events, "message_id", null).Content),
        ["inbound_unknown_130501__postman.json"] = events =>
        {
            var content = Assert.IsType<UnsupportedContent>(Received(events, "wamid.ABGGFlA5FpafAgo6tHcNmNjXmuSf", 1602139392).Content);
            Assert.Equal("unknown", content.ProviderType);
            Assert.Contains("130501", content.RawJson, StringComparison.Ordinal);
        },
        ["inbound_unsupported_edit__meta.json"] = events =>
        {
            var content = Assert.IsType<UnsupportedContent>(Received(events, "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=", 1750090702).Content);
            Assert.Equal("edit", content.ProviderType);
            Assert.Contains("131051", content.RawJson, StringComparison.Ordinal);
        },
        ["status_delivered_service_cbp__meta.json"] = events =>
            Status(events, "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA", DeliveryStatus.Delivered, 1750263773),
        ["status_failed_131049__meta.json"] = events =>
        {
            var status = Status(events, "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QUQ2MjA4NEYyRkExNjMyREUA", DeliveryStatus.Failed, 1751142888);
            Assert.Equal("131049", status.ErrorCode);
            Assert.Equal("This message was not delivered to maintain healthy ecosystem engagement.: In order to maintain a healthy ecosystem engagement, the message failed to be delivered.", status.ErrorText);
        },
        ["status_sent_marketing_pmp__meta.json"] = events =>
            Status(events, "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=", DeliveryStatus.Sent, 1750030073),
        ["status_sent_minimal__postman.json"] = events =>
            Status(events, "wamid.gBGGFlCGg0cvAglAxydbAoy-gwNo", DeliveryStatus.Sent, 1603086313),
        ["status_v24_no_conversation_no_pricing__meta.json"] = events =>
            Status(events, "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=", DeliveryStatus.Sent, 1750030073),
        ["status_payment_order_details__postman.json"] = events =>
            Assert.Contains("Payment status", Assert.IsType<Unparseable>(Assert.Single(events)).Reason, StringComparison.Ordinal),
        ["webhook_value_errors_130429__meta.json"] = events =>
        {
            var error = Assert.IsType<ProviderErrorReported>(Assert.Single(events));
            Assert.Equal("130429", error.ErrorCode);
            Assert.Equal("Rate limit hit: Message failed to send because there were too many messages sent from this phone number in a short period of time", error.ErrorText);
        },
    };

    private static MessageReceived Received(IReadOnlyList<InboundEvent> events, string id, long? unixTime)
    {
        var message = Assert.IsType<MessageReceived>(Assert.Single(events));
        Assert.Equal((id, id), (message.ProviderMessageId, message.IdempotencyKey));
        Assert.Equal(unixTime is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : Adapters.Now, message.OccurredAt);
        return message;
    }

    private static MessageStatusChanged Status(IReadOnlyList<InboundEvent> events, string id, DeliveryStatus status, long unixTime)
    {
        var change = Assert.IsType<MessageStatusChanged>(Assert.Single(events));
        Assert.Equal((id, status, $"{id}:{status.ToString().ToLowerInvariant()}"), (change.ProviderMessageId, change.Status, change.IdempotencyKey));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(unixTime), change.OccurredAt);
        return change;
    }
}
