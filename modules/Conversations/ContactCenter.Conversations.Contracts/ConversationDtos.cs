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

/// <summary>
/// The agent's own mark on an open conversation: pending (something to do later) or resolved (nothing left to do; it
/// stays quiet in the inbox until the contact writes again, which clears the mark).
/// </summary>
public enum ConversationMark
{
    Pending,
    Resolved,
}

/// <summary>The contact as a conversation shows it: the registered name, else only the number.</summary>
public sealed record ConversationContact(Guid Id, string? Name, string Phone);

/// <summary>A conversation as one caller reads it.</summary>
/// <param name="CanReply">The caller may send messages in it: open, and theirs or their team's as its supervisor (the API refuses others with 403 <c>not_your_conversation</c>).</param>
/// <param name="CanFinish">The caller may finish it, under the same rule.</param>
public sealed record ConversationSummary(
    Guid Id,
    ConversationContact Contact,
    Guid ChannelAccountId,
    ConversationStatus Status,
    Guid? AssignedAgentId,
    Guid? TeamId,
    Guid? ProductId,
    DateTime LastMessageAt,
    DateTime? WindowClosesAt,
    ConversationWrapUp? WrapUp = null,
    FirstResponseClock? FirstResponse = null,
    ConversationMark? Mark = null,
    bool CanReply = false,
    bool CanFinish = false);

/// <summary>
/// The assigned agent has not answered yet and loses the conversation at <see cref="DueAt"/>; from <see cref="WarnAt"/>
/// (80 % of the time) the inbox warns them with a countdown.
/// </summary>
public sealed record FirstResponseClock(DateTime AssignedAt, DateTime DueAt, DateTime WarnAt);

/// <summary>How a finished conversation ended: when, by whom, the contact reason from the admin's list and the agent's description.</summary>
public sealed record ConversationWrapUp(DateTime FinishedAt, Guid? FinishedById, Guid? ReasonId, string? Reason, string? Note);

/// <summary>One page of a keyset-paginated list; pass <see cref="NextCursor"/> back to get the next (null at the end).</summary>
public sealed record ConversationPage(IReadOnlyList<ConversationSummary> Items, string? NextCursor);

/// <summary>One entry of the admin's list of contact reasons, chosen when finishing a conversation.</summary>
public sealed record ContactReasonDto(Guid Id, string Name, bool IsActive);

/// <summary>A finished conversation as the history lists it.</summary>
public sealed record HistoryEntry(
    Guid ConversationId,
    ConversationContact Contact,
    Guid ChannelAccountId,
    Guid? AgentId,
    string? AgentName,
    Guid? TeamId,
    string? TeamName,
    Guid? ReasonId,
    string? Reason,
    string? Note,
    DateTime StartedAt,
    DateTime FinishedAt);

/// <summary>One page of the history; pass <see cref="NextCursor"/> back for the next (null at the end).</summary>
public sealed record HistoryPage(IReadOnlyList<HistoryEntry> Items, string? NextCursor);

/// <summary>
/// One of a contact's conversations as the contact page shows it: where it stands, who had it, how it ended, and its
/// last messages (oldest first) so a supervisor reads what was said without opening the thread.
/// </summary>
public sealed record ContactConversation(
    ConversationSummary Conversation,
    DateTime StartedAt,
    string? AgentName,
    string? TeamName,
    int MessageCount,
    IReadOnlyList<MessageDto> LastMessages);
