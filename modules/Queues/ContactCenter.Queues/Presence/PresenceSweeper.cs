using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Domain;
using ContactCenter.Queues.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Queues.Presence;

/// <summary>
/// Makes offline the available agents whose browsers have been gone for the configured time (seed 004: agents in an
/// outreach queue are never removed for inactivity). Offline, not away: nobody is at that desk, and supervisors read
/// "Ausente" as "on a break". The wait also counts from the last presence change, so an agent
/// made available by a supervisor or the API while their browser is closed gets the full grace period first.
/// </summary>
internal sealed class PresenceSweeper(
    ContactCenterDbContext db, RoutingSettingsStore settings, TimeProvider clock, IDomainEvents events, ILogger<PresenceSweeper> logger)
{
    private const int BatchSize = 200;

    /// <summary>One sweep; returns how many agents went offline.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var limit = TimeSpan.FromSeconds((await settings.LoadAsync(cancellationToken)).AwayAfterDisconnectSeconds);
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - limit;
        var gone = await db.Set<AgentProfile>()
            .Where(a => a.Presence == AgentPresence.Available
                && !a.InOutreachQueue
                && a.DisconnectedSince != null
                && a.DisconnectedSince <= cutoff
                && a.PresenceChangedAt <= cutoff)
            .OrderBy(a => a.DisconnectedSince)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var agent in gone)
        {
            agent.Presence = AgentPresence.Offline;
            agent.PresenceChangedAt = now;
            events.Raise(new AgentPresenceChanged(agent.UserId, AgentPresence.Available, AgentPresence.Offline, now));
            logger.LogInformation(
                "Agent {UserId} is now offline: browser disconnected since {DisconnectedSince:O} (limit {Seconds} s)",
                agent.UserId,
                agent.DisconnectedSince,
                limit.TotalSeconds);
        }

        await db.SaveChangesAsync(cancellationToken);
        return gone.Count;
    }
}
