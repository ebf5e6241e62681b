namespace ContactCenter.Conversations.Domain;

/// <summary>
/// One message of a conversation, in or out. Reactions, edits and revokes are stored as messages of their own
/// (nothing is lost) and also change how their target shows: <see cref="Reaction"/>, <see cref="EditedAt"/>
/// (previous texts in <see cref="MessageEdit"/>), <see cref="RevokedAt"/>.
/// </summary>
internal sealed class Message
{
    /// <summary>Ordered ids: a thread lists by time, then id, and two messages of the same second keep their arrival order.</summary>
    public Guid Id { get; init; } = ContactCenter.Kernel.Values.OrderedIds.Next();

    public Guid ConversationId { get; init; }

    public Guid ChannelAccountId { get; init; }

    public MessageDirection Direction { get; init; }

    /// <summary>WhatsApp's type names (text, image, …, unsupported) plus template.</summary>
    public required string Type { get; init; }

    public string? Text { get; set; }

    public string? ProviderMessageId { get; set; }

    /// <summary>Outbound delivery progress (sent, delivered, read, played, failed); null for inbound.</summary>
    public string? Status { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorText { get; set; }

    /// <summary>The provider's time of the message.</summary>
    public DateTime CreatedAt { get; init; }

    public Guid? AuthorAgentId { get; init; }

    /// <summary>Written by the chatbot (no agent is its author).</summary>
    public bool SentByBot { get; init; }

    public string? ReplyToProviderMessageId { get; init; }

    /// <summary>For reactions, edits and revokes: the message they refer to (which may be unknown here).</summary>
    public string? TargetProviderMessageId { get; init; }

    /// <summary>Location, contacts, interactive, order, unsupported: the provider's data as JSON.</summary>
    public string? StructuredJson { get; init; }

    /// <summary>The contact's current reaction to this message (null when none or removed).</summary>
    public string? Reaction { get; set; }

    public DateTime? EditedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}

internal enum MessageDirection
{
    Inbound,
    Outbound,
}

/// <summary>A text a message had before an edit replaced it.</summary>
internal sealed class MessageEdit
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid MessageId { get; init; }

    public string? PreviousText { get; init; }

    public DateTime EditedAt { get; init; }
}
