using ContactCenter.Kernel.Events;

namespace ContactCenter.Channels.Contracts;

// What the inbox processor hands to other modules, once per provider event (de-duplicated), inside the
// processing transaction. Plain records, so that consumers never depend on the plugin SDK's types. Provider message ids
// (the events' own, reply-to and target ids) are at most 200 characters: a longer one arrives as "sha256:" and the hex
// hash of its UTF-8, the same for every event naming it.

/// <summary>A contact sent a message to a channel account.</summary>
public sealed record InboundMessageReceived(
    Guid ChannelAccountId,
    string ProviderMessageId,
    DateTime OccurredAt,
    ChannelParty From,
    ChannelMessageContent Content,
    string? ReplyToProviderMessageId) : IDomainEvent;

/// <summary>The business sent a message from outside ContactCenter (e.g. the phone app on the same number).</summary>
public sealed record MessageEchoReceived(
    Guid ChannelAccountId,
    string ProviderMessageId,
    DateTime OccurredAt,
    ChannelParty To,
    ChannelMessageContent Content) : IDomainEvent;

/// <summary>The provider reports progress (or failure) of a message sent from the account.</summary>
public sealed record DeliveryStatusReceived(
    Guid ChannelAccountId,
    string ProviderMessageId,
    DateTime OccurredAt,
    ChannelDeliveryStatus Status,
    string? ErrorCode,
    string? ErrorText) : IDomainEvent;

/// <summary>The provider's review of a message template changed (the Templates module persists it).</summary>
public sealed record TemplateStatusReceived(
    Guid ChannelAccountId,
    string ProviderTemplateId,
    string? Name,
    string? Language,
    string Status,
    string? Reason,
    DateTime OccurredAt) : IDomainEvent;

/// <summary>The provider reports an account-level problem that belongs to no message (e.g. a rate limit).</summary>
public sealed record ProviderErrorReceived(Guid ChannelAccountId, string? ErrorCode, string ErrorText, DateTime OccurredAt) : IDomainEvent;

/// <summary>A contact as a channel names it: phone in E.164 digits when known, else the provider's user id.</summary>
public sealed record ChannelParty(string? Phone, string? ProviderUserId, string? ProfileName);

/// <summary>Delivery statuses in the order they normally happen.</summary>
public enum ChannelDeliveryStatus
{
    Sent,
    Delivered,
    Read,
    Played,
    Failed,
}

/// <summary>
/// A message's content, flattened. <see cref="Type"/> uses WhatsApp's names (text, image, video, audio, document,
/// sticker, location, contacts, interactive, button, order, reaction, system, edit, revoke, unsupported).
/// Reactions, edits and revokes name the earlier message in <see cref="TargetProviderMessageId"/>; an edit's
/// new text is <see cref="Text"/>. Structured kinds (location, contacts, interactive, order, unsupported) keep
/// their data as JSON.
/// </summary>
public sealed record ChannelMessageContent(
    string Type,
    string? Text,
    ChannelMedia? Media = null,
    string? TargetProviderMessageId = null,
    string? Emoji = null,
    string? StructuredJson = null);

/// <summary>A media file the provider holds; download it at once (WhatsApp links expire in minutes).</summary>
public sealed record ChannelMedia(string ProviderMediaId, string? Url, string? MimeType, string? FileName, string? Sha256);

/// <summary>Downloads received media through the account's plugin.</summary>
public interface IChannelMediaSource
{
    /// <summary>The file; the caller disposes the stream. Throws when the provider fails or the plugin cannot download.</summary>
    Task<DownloadedMedia> DownloadAsync(Guid channelAccountId, ChannelMedia media, CancellationToken cancellationToken);
}

/// <summary>A downloaded file.</summary>
public sealed record DownloadedMedia(Stream Content, string ContentType) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
