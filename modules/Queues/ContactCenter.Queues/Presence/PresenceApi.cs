using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Realtime;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Domain;
using ContactCenter.Queues.LiveQueue;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Queues.Presence;

/// <summary>
/// Records browser connections on the profile. Single-statement updates: a circuit event never loads and saves a
/// whole profile, so it cannot overwrite a presence change saved meanwhile. A change that happened is told to open
/// live-queue pages (their "browser closed" column); the statement runs in a transaction so the notice leaves at its commit.
/// </summary>
internal sealed class PresenceApi(ContactCenterDbContext db, INotifier notifier, TimeProvider clock) : IPresenceApi
{
    public Task BrowserConnectedAsync(Guid userId, CancellationToken cancellationToken) =>
        UpdateAsync(
            db.Set<AgentProfile>().Where(a => a.UserId == userId && a.DisconnectedSince != null),
            null,
            cancellationToken);

    // The first disconnect counts: a second one (e.g. from another node) must not restart the wait.
    public Task BrowserDisconnectedAsync(Guid userId, CancellationToken cancellationToken) =>
        UpdateAsync(
            db.Set<AgentProfile>().Where(a => a.UserId == userId && a.DisconnectedSince == null),
            clock.GetUtcNow().UtcDateTime,
            cancellationToken);

    private async Task UpdateAsync(IQueryable<AgentProfile> profiles, DateTime? disconnectedSince, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await profiles.ExecuteUpdateAsync(s => s.SetProperty(a => a.DisconnectedSince, disconnectedSince), cancellationToken);
        if (changed > 0)
        {
            NotifyLiveQueue.Notify(notifier);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
