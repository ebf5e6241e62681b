using Autofac;
using ContactCenter.Queues.Contracts;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Queues.Routing;

/// <summary>
/// The first-response sweep (Quartz, every 10 s): an agent who has not answered a newly assigned conversation by its
/// FirstResponseDueAt loses it to the next eligible agent of the team (never themselves again); with nobody eligible
/// it goes back to the backlog (auto teams) or the pool (pool teams), and the agent loses it all the same: an
/// unanswered contact is better served by whoever frees up first.
/// </summary>
internal sealed class FirstResponseTimeouts(ILifetimeScope root, RoutingLock routingLock, RoundSignal signal, TimeProvider clock, ILogger<FirstResponseTimeouts> logger)
{
    private const int BatchSize = 200;

    /// <summary>How many conversations changed hands (0 when another node is sweeping).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var held = await routingLock.TryEnterAsync(cancellationToken);
        if (held is null)
        {
            return 0;
        }

        await using var scope = root.BeginLifetimeScope();
        var store = scope.Resolve<RoutingStore>();
        var snapshots = scope.Resolve<RoutingSnapshots>();
        var placer = scope.Resolve<Placer>();
        var due = await store.ListOverdueAsync(clock.GetUtcNow().UtcDateTime, BatchSize, cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var settings = await scope.Resolve<IQueuesApi>().GetRoutingSettingsAsync(cancellationToken);
        var snapshot = await snapshots.LoadAsync(cancellationToken);
        var moved = 0;
        foreach (var item in due)
        {
            var lead = $"{snapshot.FindAgent(item.AssignedAgentId)?.Name ?? "The agent"} did not answer within {settings.FirstResponseTimeoutSeconds} s. ";
            var request = new PlacementRequest(
                new RoutingFacts(item.TeamId, item.ProductId, item.ChannelAccountId, ExcludedAgentId: item.AssignedAgentId),
                (decision, now) => decision.Agent is { } next
                    ? new Placement(WorkItemState.Assigned, decision.Team?.Id, next.UserId, RoutingRule.FirstResponseTimeout, lead + decision.Explanation, now.AddSeconds(settings.FirstResponseTimeoutSeconds))
                    : Placement.Of(decision, item.Kind, settings.FirstResponseTimeoutSeconds, now) with { Explanation = lead + decision.Explanation },
                Attempts: 1,
                ForgetWrites: true);

            // Not placed: answered, finished or moved meanwhile, or the next agent filled up; the next sweep looks again.
            if ((await placer.DecideAndPlaceAsync(item, request, snapshot, cancellationToken)).Outcome == PlaceOutcome.Placed)
            {
                moved++;
            }
        }

        logger.LogInformation("First-response sweep: {Due} overdue, {Moved} moved on", due.Count, moved);
        if (moved > 0)
        {
            // The agents who lost one have room again.
            signal.Wake();
        }

        return moved;
    }
}
