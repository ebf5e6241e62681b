namespace ContactCenter.Queues.Contracts;

/// <summary>
/// Where routing has a conversation now and every decision it took about it, oldest first
/// (<c>GET /api/v1/conversations/{id}/routing</c>). <see cref="State"/> is waiting, offered (pool), assigned or done.
/// </summary>
public sealed record ConversationRoutingDto(
    Guid ConversationId,
    string State,
    Guid? TeamId,
    Guid? AgentId,
    DateTime? FirstResponseDueAt,
    IReadOnlyList<RoutingDecisionDto> Decisions);

/// <summary>
/// One routing decision: the rule that applied, who got it (if anyone), in plain words why, and the candidates that
/// were weighed. <see cref="CandidatesConsidered"/> may exceed the candidates listed: a big team is cut to the first
/// ones (eligible first, in the order routing would pick them).
/// </summary>
public sealed record RoutingDecisionDto(
    Guid Id,
    DateTime At,
    RoutingRule Rule,
    Guid? AgentId,
    Guid? PreviousAgentId,
    Guid? TeamId,
    string Explanation,
    IReadOnlyList<RoutingCandidateDto> Candidates,
    int CandidatesConsidered,
    Guid? RoundId,
    Guid? ByUserId);

/// <summary>An agent routing weighed: eligible or not, and why (presence, load x/y, product, idle since).</summary>
public sealed record RoutingCandidateDto(
    Guid AgentId,
    string DisplayName,
    bool Eligible,
    string Reason,
    AgentPresence Presence,
    int ActiveCount,
    int MaxConcurrentConversations,
    bool ServesProduct,
    DateTime? IdleSince);
