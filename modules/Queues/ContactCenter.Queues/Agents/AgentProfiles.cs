using ContactCenter.Kernel.Data;
using ContactCenter.Queues.Domain;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Queues.Agents;

/// <summary>Creates routing profiles on demand; safe to call twice in one unit of work (it looks at pending adds).</summary>
internal sealed class AgentProfiles(ContactCenterDbContext db, TimeProvider clock)
{
    public async Task<AgentProfile> EnsureAsync(Guid userId, CancellationToken cancellationToken)
    {
        var profile = db.Tracked<AgentProfile>().FirstOrDefault(a => a.UserId == userId)
            ?? await db.Set<AgentProfile>().FirstOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        if (profile is not null)
        {
            return profile;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        profile = new AgentProfile { UserId = userId, CreatedAt = now, PresenceChangedAt = now };
        db.Set<AgentProfile>().Add(profile);
        return profile;
    }
}
