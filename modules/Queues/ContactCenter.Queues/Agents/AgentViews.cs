using ContactCenter.Identity.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Domain;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Queues.Agents;

/// <summary>Turns profiles into DTOs with the user's name (from Identity) and their teams.</summary>
internal sealed class AgentViews(ContactCenterDbContext db, IIdentityApi identity)
{
    public async Task<IReadOnlyList<AgentDto>> LoadAsync(IQueryable<AgentProfile> query, CancellationToken cancellationToken)
    {
        var profiles = await query.AsNoTracking().Include(a => a.Products).ToListAsync(cancellationToken);
        if (profiles.Count == 0)
        {
            return [];
        }

        var ids = profiles.Select(p => p.UserId).ToList();
        var memberships = await db.Set<TeamMember>().AsNoTracking()
            .Where(m => ids.Contains(m.UserId))
            .ToListAsync(cancellationToken);
        var teamsByUser = memberships.ToLookup(m => m.UserId, m => m.TeamId);
        var users = (await identity.ListUsersAsync(cancellationToken)).ToDictionary(u => u.Id);
        return profiles
            .Select(p =>
            {
                var user = users.GetValueOrDefault(p.UserId);
                return new AgentDto(
                    p.UserId,
                    user?.DisplayName ?? p.UserId.ToString(),
                    user?.Role,
                    p.IsActive,
                    p.Presence,
                    p.PresenceChangedAt,
                    p.MaxConcurrentConversations,
                    teamsByUser[p.UserId].Order().ToList(),
                    p.Products.Select(x => x.ProductId).Order().ToList(),
                    p.InOutreachQueue,
                    p.DisconnectedSince,
                    p.ActiveCount,
                    p.LastAssignedAt);
            })
            .OrderBy(a => a.DisplayName, StringComparer.CurrentCulture)
            .ToList();
    }

    public async Task<AgentDto?> LoadOneAsync(Guid userId, CancellationToken cancellationToken) =>
        (await LoadAsync(db.Set<AgentProfile>().Where(a => a.UserId == userId), cancellationToken)).SingleOrDefault();
}
