namespace ContactCenter.Tickets.Contracts;

/// <summary>Where a ticket stands (Zammad's and Acelerato's four states). Serialised as camelCase.</summary>
public enum TicketStatus
{
    /// <summary>Someone has to act.</summary>
    Open,

    /// <summary>Waiting on the requester or a third party.</summary>
    Pending,

    /// <summary>Answered; the requester may still reopen it by asking again.</summary>
    Solved,

    /// <summary>Done for good: only a supervisor reopens it.</summary>
    Closed,
}

public enum TicketPriority
{
    Low,
    Normal,
    High,
    Urgent,
}

/// <summary>A ticket as lists show it; <see cref="Number"/> is what people say on the phone ("chamado 42").</summary>
public sealed record TicketSummary(
    Guid Id,
    int Number,
    string Title,
    TicketStatus Status,
    TicketPriority Priority,
    TicketRequester? Requester,
    Guid? AssigneeId,
    string? AssigneeName,
    Guid TeamId,
    string? TeamName,
    int MessageCount,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>The contact who asked, as the conversation knew them.</summary>
public sealed record TicketRequester(Guid ContactId, string? Name, string? Phone);

/// <summary>One ticket with its description and the history of its changes, oldest first.</summary>
public sealed record TicketDetail(
    TicketSummary Ticket,
    string? Description,
    Guid? ConversationId,
    Guid? CreatedById,
    string? CreatedByName,
    IReadOnlyList<TicketChangeDto> History);

/// <summary>
/// One change: <see cref="Field"/> is <c>created</c>, <c>status</c>, <c>priority</c>, <c>assignee</c>, <c>team</c>,
/// <c>title</c>, <c>description</c> or <c>messages</c>; values are as the API spells them (names for people and teams).
/// </summary>
public sealed record TicketChangeDto(DateTime At, Guid? ById, string? ByName, string Field, string? From, string? To);

/// <summary>A page of tickets, newest first; pass <see cref="NextCursor"/> back for the next (null at the end).</summary>
public sealed record TicketPage(IReadOnlyList<TicketSummary> Items, string? NextCursor);
