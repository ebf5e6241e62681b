using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Domain;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Queues.Teams;

/// <summary>Queues owns teams: it tells the current user which ones they belong to (once per request).</summary>
internal sealed class TeamMembership(ContactCenterDbContext db) : ITeamMembership
{
    public async Task<IReadOnlyList<Guid>> TeamIdsOfAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Set<TeamMember>().AsNoTracking()
            .Where(m => m.UserId == userId)
            .Select(m => m.TeamId)
            .ToListAsync(cancellationToken);
}
