using ContactCenter.Kernel.Events;

namespace ContactCenter.Leads.Contracts;

/// <summary>
/// A form or API lead did not reach WhatsApp in time: an agent must call or e-mail the person. Routing hands the
/// task out in the next backlog round.
/// </summary>
public sealed record UnansweredLeadTaskCreated(Guid TaskId, Guid ContactId, Guid LeadId, Guid? ProductId, Guid? TeamId, DateTime CreatedAt)
    : IDomainEvent;

/// <summary>
/// The person behind a form contact wrote on WhatsApp from another phone (matched by the lead code): the form contact
/// was merged into the WhatsApp one, which is kept. Modules that remember contact ids may re-point the removed one.
/// </summary>
public sealed record ContactsMerged(Guid KeptContactId, Guid RemovedContactId, DateTime At) : IDomainEvent;
