using System.Diagnostics.Metrics;
using Autofac;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Metrics;
using ContactCenter.Queues.Contracts;
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

    /// <summary>The same query as the "Operação" page (<see cref="QueueFigures"/>), labelled by team name.</summary>
    private static async Task<Figures> ReadAsync(ContactCenterDbContext db, CancellationToken cancellationToken)
    {
        var teams = await QueueFigures.ReadAsync(db, null, cancellationToken);
        var waitingByTeam = new Dictionary<string, long>();
        var availableByTeam = new Dictionary<string, long>();
        foreach (var team in teams)
        {
            var name = team.TeamName ?? NoTeam;
            waitingByTeam[name] = waitingByTeam.GetValueOrDefault(name) + team.Waiting;
            if (team.TeamId is not null)
            {
                availableByTeam[name] = availableByTeam.GetValueOrDefault(name) + team.AgentsAvailable;
            }
        }

        return new Figures(waitingByTeam, availableByTeam);
    }

    private sealed record Figures(IReadOnlyDictionary<string, long> WaitingByTeam, IReadOnlyDictionary<string, long> AvailableByTeam)
    {
        public static readonly Figures None = new(new Dictionary<string, long>(), new Dictionary<string, long>());
    }
}
