using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;
using ContactCenter.Tickets.Domain;

namespace ContactCenter.Tickets;

/// <summary>
/// Every read of tickets goes through it: the rule's tickets row (<see cref="VisibilityRule.Tickets"/>: admins all,
/// supervisors and agents their teams' tickets and any assigned to them).
/// </summary>
internal sealed class TicketVisibility(ICurrentUser caller)
    : RecordVisibility<Ticket>(caller, VisibilityRule.Tickets, t => t.AssigneeId, t => t.TeamId);
