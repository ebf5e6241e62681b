using ContactCenter.Kernel.Data;
using ContactCenter.Tickets.Domain;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tickets;

/// <summary>Where the next history line of a ticket goes; two changes saved at once collide on the unique position and one is refused.</summary>
internal static class TicketHistory
{
    public static async Task<int> LastPositionAsync(ContactCenterDbContext db, Guid ticketId, CancellationToken cancellationToken) =>
        await db.Set<TicketChange>().Where(c => c.TicketId == ticketId).MaxAsync(c => (int?)c.Position, cancellationToken) ?? 0;
}
