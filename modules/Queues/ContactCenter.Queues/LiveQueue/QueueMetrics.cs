using System.Diagnostics.Metrics;
using Autofac;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Metrics;
using ContactCenter.Queues.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Queues.LiveQueue;

/// <summary>
/// Routing's figures on <c>/metrics</c> (meter <c>ContactCenter.Queues</c>): decisions per rule and team, and — read from
/// the database — the work waiting (backlog and pool offers) and the agents available, per team. The same figures the
/// live queue page shows, for IT's dashboards and alerts.
/// </summary>
internal sealed class QueueMetrics
{
    public const string MeterName = "ContactCenter.Queues";
    private const string NoTeam = "(sem time)";

    private readonly Counter<long> decisions;
    private readonly DatabaseGauge<Figures> figures;

    public QueueMetrics(IMeterFactory meters, ILifetimeScope root, ILogger<QueueMetrics> logger)
    {
        var meter = meters.Create(MeterName);
        decisions = meter.CreateCounter<long>("contactcenter.routing.decisions", "{decision}", "Routing decisions, per rule that decided and team.");
        figures = new DatabaseGauge<Figures>(root, ReadAsync, Figures.None, logger);
        meter.CreateObservableGauge(
            "contactcenter.queue.waiting", () => DatabaseGauge<Figures>.PerLabel(figures.Current.WaitingByTeam, "team"), "{item}", "Conversations and lead tasks nobody has yet, per team.");
        meter.CreateObservableGauge(
            "contactcenter.agents.available", () => DatabaseGauge<Figures>.PerLabel(figures.Current.AvailableByTeam, "team"), "{agent}", "Active agents marked available, per team.");
    }

    public void Decided(RoutingRule rule, string? teamName) =>
        decisions.Add(1, new KeyValuePair<string, object?>("rule", rule.ToString()), new KeyValuePair<string, object?>("team", teamName ?? NoTeam));

    private static async Task<Figures> ReadAsync(ContactCenterDbContext db, CancellationToken cancellationToken)
    {
        var teams = await db.Set<Team>().AsNoTracking().Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var waiting = await db.Set<WorkItem>().AsNoTracking()
            .Where(w => w.State == WorkItemState.Waiting || w.State == WorkItemState.Offered)
            .GroupBy(w => w.TeamId)
            .Select(g => new { Team = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var available = await db.Set<TeamMember>().AsNoTracking()
            .Where(m => db.Set<AgentProfile>().Any(a => a.UserId == m.UserId && a.IsActive && a.Presence == AgentPresence.Available))
            .GroupBy(m => m.TeamId)
            .Select(g => new { Team = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);

        // Every team appears, with 0 when nothing waits: a dashboard tells "none" from "no data".
        var waitingByTeam = teams.Values.Distinct().ToDictionary(n => n, _ => 0L);
        foreach (var row in waiting)
        {
            var name = row.Team is { } id ? teams.GetValueOrDefault(id, NoTeam) : NoTeam;
            waitingByTeam[name] = waitingByTeam.GetValueOrDefault(name) + row.Count;
        }

        var availableByTeam = teams.Values.Distinct().ToDictionary(n => n, _ => 0L);
        foreach (var row in available)
        {
            var name = teams.GetValueOrDefault(row.Team, NoTeam);
            availableByTeam[name] = availableByTeam.GetValueOrDefault(name) + row.Count;
        }

        return new Figures(waitingByTeam, availableByTeam);
    }

    private sealed record Figures(IReadOnlyDictionary<string, long> WaitingByTeam, IReadOnlyDictionary<string, long> AvailableByTeam)
    {
        public static readonly Figures None = new(new Dictionary<string, long>(), new Dictionary<string, long>());
    }
}
