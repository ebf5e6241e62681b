using ContactCenter.Tickets.Contracts;

namespace ContactCenter.Tickets.Domain;

/// <summary>
/// A request someone has to work on, usually made from a conversation's messages. The requester's name and phone are
/// copied when it is opened, so the list reads without asking Leads.
/// </summary>
internal sealed class Ticket
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Sequential from 1, unique: what agents and requesters quote.</summary>
    public int Number { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public TicketStatus Status { get; set; } = TicketStatus.Open;

    public TicketPriority Priority { get; set; } = TicketPriority.Normal;

    public Guid? ContactId { get; init; }

    public string? ContactName { get; init; }

    public string? ContactPhone { get; init; }

    /// <summary>The conversation it was made from, if any.</summary>
    public Guid? ConversationId { get; init; }

    public Guid TeamId { get; set; }

    public Guid? AssigneeId { get; set; }

    public Guid? CreatedById { get; init; }

    public string? CreatedByName { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>A message linked to a ticket (the ticket shows it with its media).</summary>
internal sealed class TicketMessage
{
    public Guid TicketId { get; init; }

    public Guid MessageId { get; init; }

    public Guid ConversationId { get; init; }

    public DateTime LinkedAt { get; init; }

    public Guid? LinkedById { get; init; }
}

/// <summary>One line of a ticket's history; names are kept as they were at that moment.</summary>
internal sealed class TicketChange
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TicketId { get; init; }

    /// <summary>1, 2, 3… per ticket: several fields changed in one request share <see cref="At"/> and keep their order.</summary>
    public int Position { get; init; }

    public DateTime At { get; init; }

    public Guid? ById { get; init; }

    public string? ByName { get; init; }

    public required string Field { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }
}
