using ContactCenter.Kernel.Events;

namespace ContactCenter.Queues.Contracts;

/// <summary>Why routing put a conversation or task where it did. Serialised camelCase (<c>longestIdle</c> …).</summary>
public enum RoutingRule
{
    /// <summary>A returning contact goes to their owner agent, available or not.</summary>
    Owner,

    /// <summary>Auto mode: the available agent serving the product, with capacity, idle the longest.</summary>
    LongestIdle,

    /// <summary>Pool mode: offered to every team member until one claims it.</summary>
    Pool,

    /// <summary>Nobody eligible now: waits for the next backlog round.</summary>
    Backlog,

    /// <summary>No team serves the channel account or product: an admin must link one.</summary>
    NoTeam,

    /// <summary>A team member claimed it from the pool.</summary>
    Claimed,

    /// <summary>The assigned agent did not answer in time; the next eligible agent gets it.</summary>
    FirstResponseTimeout,

    /// <summary>Someone transferred it to an agent.</summary>
    TransferToAgent,

    /// <summary>Someone transferred it to a team, which routes it by its own mode.</summary>
    TransferToTeam,

    /// <summary>An agent started it ("Nova conversa"): it is theirs, and counts on their load.</summary>
    Outreach,

    /// <summary>The chatbot talks with the contact first: the conversation waits with the bot's team, given to nobody, until the bot hands it off.</summary>
    Bot,
}

/// <summary>
/// Routing placed a conversation: with a team (and maybe an agent), or back in the pool/backlog (<see cref="AgentId"/>
/// null). Raised in the unit of work that decided it and handled after that step, before it commits: Conversations
/// copies it, Leads keeps the timeline. <see cref="FirstResponseDueAt"/> is when the agent loses it unless they answer
/// (null: no such clock, e.g. the owner). The names are routing's, as it decided (null when there is no such person
/// or team): readers need not ask Queues again.
/// </summary>
public sealed record ConversationRouted(
    Guid ConversationId,
    Guid ContactId,
    Guid? TeamId,
    Guid? AgentId,
    Guid? PreviousAgentId,
    RoutingRule Rule,
    string Explanation,
    Guid? ByUserId,
    DateTime At,
    DateTime? FirstResponseDueAt = null,
    string? AgentName = null,
    string? PreviousAgentName = null,
    string? TeamName = null,
    string? ByName = null) : IDomainEvent;

/// <summary>
/// The assigned agent answered a conversation: routing stopped its first-response deadline (the conversation's copy of
/// the deadline goes too).
/// </summary>
public sealed record ConversationAnswered(Guid ConversationId, DateTime At) : IDomainEvent;

/// <summary>An unanswered-lead task was handed to an agent (in a backlog round), named as routing knew them.</summary>
public sealed record LeadTaskRouted(Guid TaskId, Guid ContactId, Guid AgentId, Guid? TeamId, DateTime At, string? AgentName = null) : IDomainEvent;
