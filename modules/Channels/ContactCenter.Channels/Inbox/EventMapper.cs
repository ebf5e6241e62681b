using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ContactCenter.Channels.Contracts;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Channels.Inbox;

/// <summary>SDK events to the contract records other modules consume (they never see the SDK's types).</summary>
internal static class EventMapper
{
    /// <summary>The longest provider message id the modules store and compare (their columns hold 200 characters).</summary>
    public const int MaxMessageId = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// A provider message id as the modules store it: as given when it fits, else <c>sha256:</c> and the hex hash of its
    /// UTF-8. Cutting it would not do: the id is how a retry, a status or a reaction finds its message, so a long one
    /// must stay unique and map the same way every time. Done here, where plugin events become the modules' events,
    /// so every plugin's ids and every consumer agree (PostgreSQL refused to store the fuzzer's 20,000-character id).
    /// </summary>
    [return: NotNullIfNotNull(nameof(id))]
    public static string? MessageId(string? id) => id is null || id.Length <= MaxMessageId
        ? id
        : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    public static ChannelParty Party(Sender from) => new(from.Phone, from.ProviderUserId, from.ProfileName);

    public static ChannelParty Party(Recipient to) => new(to.Phone, to.ProviderUserId, null);

    public static ChannelDeliveryStatus Status(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Sent => ChannelDeliveryStatus.Sent,
        DeliveryStatus.Delivered => ChannelDeliveryStatus.Delivered,
        DeliveryStatus.Read => ChannelDeliveryStatus.Read,
        DeliveryStatus.Played => ChannelDeliveryStatus.Played,
        _ => ChannelDeliveryStatus.Failed,
    };

    public static ChannelMessageContent Content(MessageContent content) => content switch
    {
        TextContent text => new("text", text.Body),
        MediaContent media => new(
            media.Kind.ToString().ToLowerInvariant(),
            media.Caption,
            new ChannelMedia(media.Media.Id, media.Media.Url, media.MimeType, media.FileName, media.Sha256)),
        LocationContent location => new("location", location.Name ?? location.Address, StructuredJson: Serialize(location)),
        ContactsContent contacts => new("contacts", string.Join(", ", contacts.Contacts.Select(c => c.Name)), StructuredJson: Serialize(contacts)),
        InteractiveReplyContent reply => new("interactive", reply.Title, StructuredJson: Serialize(reply)),
        ButtonContent button => new("button", button.Text, StructuredJson: Serialize(button)),
        OrderContent order => new("order", order.Text, StructuredJson: Serialize(order)),
        ReactionContent reaction => new("reaction", null, TargetProviderMessageId: MessageId(reaction.TargetProviderMessageId), Emoji: reaction.Emoji),
        SystemContent system => new("system", system.Text, StructuredJson: Serialize(system)),
        EditContent edit => Content(edit.NewContent) with { Type = "edit", TargetProviderMessageId = MessageId(edit.OriginalProviderMessageId) },
        RevokeContent revoke => new("revoke", null, TargetProviderMessageId: MessageId(revoke.OriginalProviderMessageId)),
        UnsupportedContent unsupported => new("unsupported", null, StructuredJson: unsupported.RawJson),
        _ => new("unsupported", null, StructuredJson: Serialize(content)),
    };

    private static string Serialize(object value) => JsonSerializer.Serialize(value, value.GetType(), Json);
}
