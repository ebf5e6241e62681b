namespace ContactCenter.Queues.Domain;

/// <summary>What routing hands out: an open conversation or an unanswered-lead task (call or e-mail the person).</summary>
internal enum WorkItemKind
{
    Conversation,
    LeadTask,
}

internal enum WorkItemState
{
    /// <summary>Nobody has it: the backlog (auto teams, lead tasks) or no team at all.</summary>
    Waiting,

    /// <summary>In a pool team: every member sees it until one claims it.</summary>
    Offered,

    Assigned,

    Done,

    /// <summary>The chatbot has it: no round, timeout or pool touches it until the bot hands it off (or a person takes it).</summary>
    Bot,
}

/// <summary>
/// Routing's view of one conversation or lead task (<c>Queues_WorkItems</c>): where it waits, who has it, until when
/// they must answer. <see cref="Version"/> changes with every write; writes are conditional on it, so two nodes (or a
/// round and a claim) never both move the same item.
/// </summary>
internal sealed class WorkItem
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public WorkItemKind Kind { get; init; }

    /// <summary>The conversation's or the task's id (unique per kind).</summary>
    public Guid SubjectId { get; init; }

    public Guid ContactId { get; init; }

    public Guid? ChannelAccountId { get; init; }

    public Guid? ProductId { get; set; }

    public Guid? TeamId { get; set; }

    /// <summary>The contact's owner agent when the item arrived (a returning contact goes back to them).</summary>
    public Guid? OwnerAgentId { get; init; }

    public WorkItemState State { get; set; }

    public Guid? AssignedAgentId { get; set; }

    public DateTime? AssignedAt { get; set; }

    /// <summary>Indexed deadline: the assigned agent loses the conversation if they have not answered by then.</summary>
    public DateTime? FirstResponseDueAt { get; set; }

    public DateTime? AnsweredAt { get; set; }

    /// <summary>Backlog rounds take the oldest first.</summary>
    public DateTime WaitingSince { get; set; }

    public int Version { get; set; }

    public DateTime CreatedAt { get; init; }
}

/// <summary>
/// One routing decision, kept so anyone can see why a conversation went where it did (<c>Queues_RoutingDecisions</c>).
/// </summary>
internal sealed class RoutingDecisionEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid WorkItemId { get; init; }

    public Guid SubjectId { get; init; }

    public DateTime At { get; init; }

    public Contracts.RoutingRule Rule { get; init; }

    public Guid? ChosenAgentId { get; init; }

    public Guid? PreviousAgentId { get; init; }

    public Guid? TeamId { get; init; }

    /// <summary>Plain words: "Ana was available, serves the product and idle the longest (since 09:12)."</summary>
    public required string Explanation { get; init; }

    /// <summary>Each candidate weighed and why they were eligible or not (JSON array of <c>RoutingCandidateDto</c>).</summary>
    public required string CandidatesJson { get; init; }

    public int CandidatesConsidered { get; init; }

    /// <summary>The backlog round that took the decision (null for decisions taken on an event or a request).</summary>
    public Guid? RoundId { get; init; }

    /// <summary>The person who caused it (a claim or transfer).</summary>
    public Guid? ByUserId { get; init; }
}
