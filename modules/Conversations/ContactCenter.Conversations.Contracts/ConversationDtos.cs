namespace ContactCenter.Conversations.Contracts;

/// <summary>Where a conversation stands. Serialised as camelCase (<c>awaitingAgent</c> …).</summary>
public enum ConversationStatus
{
    /// <summary>Unclaimed: waiting in the team pool or the backlog.</summary>
    New,

    /// <summary>The contact wrote last.</summary>
    AwaitingAgent,

    /// <summary>The agent wrote last.</summary>
    AwaitingContact,

    Finished,
}

/// <summary>The contact as a conversation shows it: the registered name, else only the number.</summary>
public sealed record ConversationContact(Guid Id, string? Name, string Phone);

public sealed record ConversationSummary(
    Guid Id,
    ConversationContact Contact,
    Guid ChannelAccountId,
    ConversationStatus Status,
    Guid? AssignedAgentId,
    Guid? TeamId,
    Guid? ProductId,
    DateTime LastMessageAt,
    DateTime? WindowClosesAt);

/// <summary>One page of a keyset-paginated list; pass <see cref="NextCursor"/> back to get the next (null at the end).</summary>
public sealed record ConversationPage(IReadOnlyList<ConversationSummary> Items, string? NextCursor);
