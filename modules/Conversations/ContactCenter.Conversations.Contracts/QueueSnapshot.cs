namespace ContactCenter.Conversations.Contracts;

/// <summary>
/// Numbers for the supervisor's live queue, over the conversations the caller may see: what waits for an agent
/// (not finished, nobody assigned) per team and product, and how many open conversations each agent carries.
/// </summary>
public sealed record QueueSnapshot(IReadOnlyList<WaitingConversations> Waiting, IReadOnlyList<AgentOpenConversations> OpenByAgent);

/// <summary>Waiting conversations of one team and product (either may be null: not routed yet, no product known).</summary>
/// <param name="OldestSince">When the longest-waiting one was opened (a finished conversation is never reopened).</param>
public sealed record WaitingConversations(Guid? TeamId, Guid? ProductId, int Count, DateTime OldestSince);

public sealed record AgentOpenConversations(Guid AgentId, int Count);
