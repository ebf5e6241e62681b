using Autofac;
using ContactCenter.Queues.Contracts;
using Microsoft.EntityFrameworkCore;
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
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await store.Db.Set<WorkItem>().AsNoTracking()
            .Where(w => w.FirstResponseDueAt != null && w.FirstResponseDueAt <= now && w.State == WorkItemState.Assigned && w.AnsweredAt == null)
            .OrderBy(w => w.FirstResponseDueAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var settings = await scope.Resolve<IQueuesApi>().GetRoutingSettingsAsync(cancellationToken);
        var snapshot = await store.LoadSnapshotAsync(cancellationToken);
        var moved = 0;
        foreach (var item in due)
        {
            var previous = snapshot.FindAgent(item.AssignedAgentId);
            var previousName = previous?.Name ?? "The agent";
            var decision = RoutingPolicy.Decide(new RoutingFacts(item.TeamId, item.ProductId, item.ChannelAccountId, ExcludedAgentId: item.AssignedAgentId), snapshot);
            var lead = $"{previousName} did not answer within {settings.FirstResponseTimeoutSeconds} s. ";
            var placement = decision.Agent is { } next
                ? new Placement(WorkItemState.Assigned, decision.Team?.Id, next.UserId, RoutingRule.FirstResponseTimeout, lead + decision.Explanation, now.AddSeconds(settings.FirstResponseTimeoutSeconds))
                : Placement.Of(decision, item.Kind, settings.FirstResponseTimeoutSeconds, now) with { Explanation = lead + decision.Explanation };
            var outcome = await store.TryPlaceAsync(item, placement, now, decision, null, null, cancellationToken);
            store.Db.ChangeTracker.Clear();
            if (outcome != PlaceOutcome.Placed)
            {
                // Answered, finished or moved meanwhile, or the next agent filled up: the next sweep looks again.
                continue;
            }

            moved++;
            if (previous is not null)
            {
                previous.ActiveCount = Math.Max(0, previous.ActiveCount - 1);
            }

            if (decision.Agent is { } taken)
            {
                taken.ActiveCount++;
                taken.LastAssignedAt = now;
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
