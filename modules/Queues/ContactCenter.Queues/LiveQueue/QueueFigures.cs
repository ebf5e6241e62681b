using ContactCenter.Kernel.Data;
using ContactCenter.Queues.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Queues.LiveQueue;

/// <summary>
/// Waiting work and available agents per team, read from routing's own rows: the one query behind the gauges on
/// <c>/metrics</c> (<see cref="QueueMetrics"/>) and the "Operação" page's bars (<see cref="IQueueFigures"/>).
/// </summary>
internal sealed class QueueFigures(ContactCenterDbContext db) : IQueueFigures
{
    public Task<IReadOnlyList<TeamFigures>> ReadAsync(IReadOnlyCollection<Guid>? teamIds, CancellationToken cancellationToken) =>
        ReadAsync(db, teamIds, cancellationToken);

    public static async Task<IReadOnlyList<TeamFigures>> ReadAsync(ContactCenterDbContext db, IReadOnlyCollection<Guid>? teamIds, CancellationToken cancellationToken)
    {
        var wanted = teamIds?.ToList();
        var teams = await db.Set<Team>().AsNoTracking()
            .Where(t => wanted == null || wanted.Contains(t.Id))
            .Select(t => new { t.Id, t.Name })
            .ToListAsync(cancellationToken);
        var waiting = await db.Set<WorkItem>().AsNoTracking()
            .Where(w => w.State == WorkItemState.Waiting || w.State == WorkItemState.Offered)
            .Where(w => wanted == null || (w.TeamId != null && wanted.Contains(w.TeamId.Value)))
            .GroupBy(w => w.TeamId)
            .Select(g => new { Team = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var available = await db.Set<TeamMember>().AsNoTracking()
            .Where(m => wanted == null || wanted.Contains(m.TeamId))
            .Where(m => db.Set<AgentProfile>().Any(a => a.UserId == m.UserId && a.IsActive && a.Presence == AgentPresence.Available))
            .GroupBy(m => m.TeamId)
            .Select(g => new { Team = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);

        // Every team appears, with 0 when nothing waits: a dashboard tells "none" from "no data".
        var figures = teams
            .OrderBy(t => t.Name, StringComparer.CurrentCulture)
            .Select(t => new TeamFigures(
                t.Id,
                t.Name,
                waiting.Where(w => w.Team == t.Id).Sum(w => w.Count),
                available.Where(a => a.Team == t.Id).Sum(a => a.Count)))
            .ToList();
        // Work of a team deleted since, or of none yet, still waits: it is shown (to those who see every team) as "no team".
        var known = teams.Select(t => (Guid?)t.Id).ToHashSet();
        var orphaned = waiting.Where(w => !known.Contains(w.Team)).Sum(w => w.Count);
        if (wanted is null && orphaned > 0)
        {
            figures.Add(new TeamFigures(null, null, orphaned, 0));
        }

        return figures;
    }
}
