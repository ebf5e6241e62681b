using ContactCenter.Kernel.Events;

namespace ContactCenter.Tickets.Contracts;

/// <summary>A ticket was opened (from a conversation's messages or through the API); the contact's timeline shows it.</summary>
public sealed record TicketOpened(
    Guid TicketId, int Number, string Title, Guid? ContactId, Guid? ConversationId, Guid TeamId, Guid? ById, DateTime At) : IDomainEvent;

/// <summary>A ticket moved between open, pending, solved and closed; the contact's timeline shows it.</summary>
public sealed record TicketStatusChanged(
    Guid TicketId, int Number, Guid? ContactId, TicketStatus From, TicketStatus To, Guid? ById, DateTime At) : IDomainEvent;
