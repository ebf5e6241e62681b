using ContactCenter.Kernel.Data;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Domain;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Queues.Presence;

/// <summary>
/// Records browser connections on the profile. Single-statement updates: a circuit event never loads and saves a
/// whole profile, so it cannot overwrite a presence change saved meanwhile.
/// </summary>
internal sealed class PresenceApi(ContactCenterDbContext db, TimeProvider clock) : IPresenceApi
{
    public async Task BrowserConnectedAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Set<AgentProfile>()
            .Where(a => a.UserId == userId && a.DisconnectedSince != null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.DisconnectedSince, (DateTime?)null), cancellationToken);

    // The first disconnect counts: a second one (e.g. from another node) must not restart the wait.
    public async Task BrowserDisconnectedAsync(Guid userId, CancellationToken cancellationToken)
    {
        DateTime? now = clock.GetUtcNow().UtcDateTime;
        await db.Set<AgentProfile>()
            .Where(a => a.UserId == userId && a.DisconnectedSince == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.DisconnectedSince, now), cancellationToken);
    }
}
