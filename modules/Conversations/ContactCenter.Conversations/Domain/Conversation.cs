using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Identity;

namespace ContactCenter.Conversations.Domain;

/// <summary>
/// A thread with one contact on one channel account: who has it, where it stands, its 24-hour window and, once
/// finished, its wrap-up (reason and description). Messages live in their own table.
/// </summary>
internal sealed class Conversation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ContactId { get; set; }

    /// <summary>The contact's registered name (null until known: lists then show the number).</summary>
    public string? ContactName { get; set; }

    /// <summary>E.164 digits without '+'.</summary>
    public required string ContactPhone { get; set; }

    public Guid ChannelAccountId { get; set; }

    /// <summary>The product the contact came for (from the matched lead); routing picks agents who serve it.</summary>
    public Guid? ProductId { get; set; }

    private Guid? _teamId;

    // Who has it (team, agent, since when, answer deadline) is Queues' fact, owned by its work item. This is a read-only
    // copy for lists and visibility: the team of the arrival when opened, then only what ConversationRouted says,
    // through ApplyRouting (Routing/ApplyRouting is its one caller; a test holds that).

    /// <summary>The team: the arrival's when opened, then routing's.</summary>
    public Guid? TeamId { get => _teamId; init => _teamId = value; }

    public Guid? AssignedAgentId { get; private set; }

    public ConversationStatus Status { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime LastMessageAt { get; set; }

    /// <summary>24 h after the contact's last inbound message; free-form replies are refused afterwards.</summary>
    public DateTime? WindowClosesAt { get; set; }

    /// <summary>The agent's pending / resolved mark (null: none); the contact's next message clears "resolved".</summary>
    public ConversationMark? Mark { get; set; }

    /// <summary>When the current agent got it.</summary>
    public DateTime? AssignedAt { get; private set; }

    /// <summary>When the current agent loses it unless they answer (null once answered, or when no clock runs).</summary>
    public DateTime? FirstResponseDueAt { get; private set; }

    /// <summary>When it was finished (null while open).</summary>
    public DateTime? FinishedAt { get; set; }

    /// <summary>Who finished it: the agent, a supervisor or an admin (null for an API key or the inactivity close).</summary>
    public Guid? FinishedById { get; set; }

    /// <summary>The reason chosen from the admin's list (null when the list was empty).</summary>
    public Guid? ContactReasonId { get; set; }

    /// <summary>The reason as it read when chosen, so renaming the list does not rewrite history.</summary>
    public string? ContactReasonName { get; set; }

    /// <summary>The agent's optional description of how it ended.</summary>
    public string? FinishNote { get; set; }

    /// <summary>
    /// Copies where routing put it: its team and agent, or back in the team's pool / the backlog (no agent: status
    /// <see cref="ConversationStatus.New"/> until someone takes it). A finished conversation keeps its last assignment.
    /// </summary>
    public void ApplyRouting(Guid? teamId, Guid? agentId, DateTime at, DateTime? firstResponseDueAt)
    {
        if (Status == ConversationStatus.Finished)
        {
            return;
        }

        _teamId = teamId ?? _teamId;
        AssignedAgentId = agentId;
        AssignedAt = agentId is null ? null : at;
        FirstResponseDueAt = agentId is null ? null : firstResponseDueAt;
        if (agentId is null)
        {
            Status = ConversationStatus.New;
        }
        else if (Status == ConversationStatus.New)
        {
            Status = ConversationStatus.AwaitingAgent;
        }
    }

    /// <summary>Routing saw the agent's first answer: the countdown stops.</summary>
    public void ApplyAnswered() => FirstResponseDueAt = null;

    /// <summary>The conversation as <paramref name="caller"/> reads it: what they may do in it is part of it (<see cref="ReplyRule"/>).</summary>
    public ConversationSummary ToSummary(ICurrentUser? caller = null) => new(
        Id,
        new ConversationContact(ContactId, ContactName, ContactPhone),
        ChannelAccountId,
        Status,
        AssignedAgentId,
        TeamId,
        ProductId,
        LastMessageAt,
        WindowClosesAt,
        FinishedAt is { } finishedAt ? new ConversationWrapUp(finishedAt, FinishedById, ContactReasonId, ContactReasonName, FinishNote) : null,
        Status != ConversationStatus.Finished && AssignedAt is { } assignedAt && FirstResponseDueAt is { } dueAt
            ? new FirstResponseClock(assignedAt, dueAt, assignedAt + ((dueAt - assignedAt) * 0.8))
            : null,
        Mark,
        CanReply: ReplyRule.CanAct(this, caller),
        CanFinish: ReplyRule.CanAct(this, caller));
}
