using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Tickets.Domain;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tickets;

/// <summary>Where the next history line of a ticket goes; two changes saved at once collide on the unique position and one is refused.</summary>
internal static class TicketHistory
{
    /// <summary>Saves a change of the ticket with its history lines; null when saved, <c>ticket_changed_meanwhile</c> when another change took the same position.</summary>
    public static async Task<Error?> SaveAsync(ContactCenterDbContext db, int number, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            return TicketRules.ChangedMeanwhile(number);
        }
    }

    public static async Task<int> LastPositionAsync(ContactCenterDbContext db, Guid ticketId, CancellationToken cancellationToken) =>
        await db.Set<TicketChange>().Where(c => c.TicketId == ticketId).MaxAsync(c => (int?)c.Position, cancellationToken) ?? 0;
}
