namespace ContactCenter.Conversations.Contracts;

/// <summary>
/// A message as agents and integrators see it. <see cref="Type"/> uses WhatsApp's names (text, image, video,
/// audio, document, sticker, location, contacts, interactive, button, order, reaction, system, edit, revoke,
/// unsupported) plus template. A reaction, edit or revoke is listed too, and also shows on its target.
/// <see cref="SentByBot"/> marks what the chatbot wrote (the thread shows "Bot" as its author).
/// </summary>
public sealed record MessageDto(
    Guid Id,
    Guid ConversationId,
    MessageDirectionDto Direction,
    string Type,
    string? Text,
    MessageMediaDto? Media,
    string? ProviderMessageId,
    string? Status,
    MessageErrorDto? Error,
    DateTime CreatedAt,
    Guid? AuthorAgentId,
    string? ReplyToProviderMessageId,
    string? TargetProviderMessageId,
    IReadOnlyList<string> Reactions,
    DateTime? EditedAt,
    IReadOnlyList<string?> PreviousTexts,
    DateTime? RevokedAt,
    string? StructuredJson,
    bool SentByBot = false);

public enum MessageDirectionDto
{
    Inbound,
    Outbound,
}

/// <summary>
/// A message's file; <see cref="Url"/> serves it once downloaded (<see cref="Downloaded"/>). <see cref="State"/> says
/// where a received file stands: <c>downloading</c> (not tried yet), <c>pending</c> (a try failed — the provider or our
/// media store — and it is tried again by itself: "mídia pendente"), <c>downloaded</c>, or <c>failed</c> (given up).
/// </summary>
public sealed record MessageMediaDto(
    Guid Id, string? MimeType, long? Size, string? FileName, string? Caption, string? Sha256, bool Downloaded, string Url, string State = "downloaded");

/// <summary>Why the provider could not deliver an outbound message.</summary>
public sealed record MessageErrorDto(string? Code, string? Message);

/// <summary>A page of messages, oldest first; pass <see cref="NextCursor"/> back for the next (null at the end).</summary>
public sealed record MessagePage(IReadOnlyList<MessageDto> Items, string? NextCursor);

/// <summary>Messages the caller picked in a conversation they may see (ids of other conversations left out), oldest first.</summary>
public sealed record VisibleMessages(ConversationSummary Conversation, IReadOnlyList<MessageDto> Messages);

/// <summary>What became of a bot message: queued, refused because the 24-hour window is closed, or no open conversation.</summary>
public enum BotSendOutcome
{
    Queued,
    WindowClosed,
    NoOpenConversation,
}
