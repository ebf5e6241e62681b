using ContactCenter.Kernel.Events;

namespace ContactCenter.Leads.Contracts;

/// <summary>
/// An unanswered-lead task was done (the person was called or e-mailed, or the lead reached WhatsApp after all):
/// routing frees the agent's capacity.
/// </summary>
public sealed record LeadTaskDone(Guid TaskId, Guid? ByUserId, DateTime At) : IDomainEvent;
