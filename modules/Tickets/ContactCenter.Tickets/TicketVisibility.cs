using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;
using ContactCenter.Tickets.Domain;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tickets;

/// <summary>
/// Every read of tickets goes through it: the rule's tickets row (<see cref="VisibilityRule.Tickets"/>: admins all,
/// supervisors and agents their teams' tickets and any assigned to them).
/// </summary>
internal sealed class TicketVisibility(ContactCenterDbContext db, ICurrentUser caller)
    : RecordVisibility<Ticket>(caller, VisibilityRule.Tickets, t => t.AssigneeId, t => t.TeamId)
{
    /// <summary>The ticket of that number if the caller may see it, else null (whether it exists or not); tracked to change it.</summary>
    public async Task<Ticket?> FindAsync(int number, bool tracked, CancellationToken cancellationToken)
    {
        var tickets = tracked ? db.Set<Ticket>() : db.Set<Ticket>().AsNoTracking();
        return await (await ApplyAsync(tickets, cancellationToken)).FirstOrDefaultAsync(t => t.Number == number, cancellationToken);
    }
}
