using ContactCenter.Kernel.Events;

namespace ContactCenter.Leads.Contracts;

/// <summary>
/// A form or API lead did not reach WhatsApp in time: an agent must call or e-mail the person. Routing hands the
/// task out in the next backlog round.
/// </summary>
public sealed record UnansweredLeadTaskCreated(Guid TaskId, Guid ContactId, Guid LeadId, Guid? ProductId, Guid? TeamId, DateTime CreatedAt)
    : IDomainEvent;
