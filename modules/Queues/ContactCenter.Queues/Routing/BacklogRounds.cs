using Autofac;
using ContactCenter.Kernel.Data;
using ContactCenter.Queues.Contracts;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Queues.Routing;

/// <summary>
/// A backlog round: the waiting items (conversations of auto teams, or with no team yet; unanswered-lead tasks) oldest
/// first, each given to the agent the policy picks, each in a transaction of its own with the round's id in its
/// decision log. Run by the Quartz job every BacklogRoundSeconds and at once when an agent becomes available or frees
/// capacity (<see cref="RoundSignal"/>). Items nobody can take stay waiting without a log line each round (the summary
/// counts them): 10,000 waiting conversations would otherwise write 10,000 rows every 30 seconds. On SQLite each
/// placement takes its turn at the shared <see cref="IWriteGate"/>, so acknowledgements and the inbox wait one
/// placement, not a round.
/// </summary>
internal sealed class BacklogRounds(ILifetimeScope root, RoutingLock routingLock, IWriteGate gate, TimeProvider clock, ILogger<BacklogRounds> logger)
{
    /// <summary>Attempts per item when the picked agent filled up meanwhile (another node, a claim).</summary>
    private const int AttemptsPerItem = 3;

    /// <summary>When this node last ran a round (the timed job runs one when BacklogRoundSeconds have passed).</summary>
    public DateTime? LastRoundAt { get; private set; }

    public async Task<RoundResult> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var held = await routingLock.TryEnterAsync(cancellationToken);
        if (held is null)
        {
            logger.LogDebug("Backlog round skipped: another node is running one");
            return new RoundResult(Guid.Empty, 0, 0, 0, Skipped: true);
        }

        var roundId = Guid.CreateVersion7();
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        LastRoundAt = clock.GetUtcNow().UtcDateTime;
        await using var scope = root.BeginLifetimeScope();
        var store = scope.Resolve<RoutingStore>();
        var snapshots = scope.Resolve<RoutingSnapshots>();
        var placer = scope.Resolve<Placer>();
        var settings = await scope.Resolve<IQueuesApi>().GetRoutingSettingsAsync(cancellationToken);
        var snapshot = await snapshots.LoadAsync(cancellationToken);
        var waiting = await store.ListWaitingAsync(cancellationToken);

        int assigned = 0, offered = 0, lost = 0;
        foreach (var item in waiting)
        {
            // Nobody anywhere can take more: the rest waits for the next round.
            if (!snapshot.Agents.Any(a => a.IsAvailable && a.HasCapacity))
            {
                break;
            }

            var facts = new RoutingFacts(item.TeamId, item.ProductId, item.ChannelAccountId, IgnorePoolMode: item.Kind == WorkItemKind.LeadTask);
            var request = new PlacementRequest(
                facts,
                (decision, now) => decision.Rule is RoutingRule.Backlog or RoutingRule.NoTeam
                    ? null // still nowhere to go: no log line (the summary counts it)
                    : Placement.Of(decision, item.Kind, settings.FirstResponseTimeoutSeconds, now),
                AttemptsPerItem,
                RoundId: roundId,
                ForgetWrites: true);
            // Each placement's transaction takes its turn with the inbox's writers (SQLite's one write lock), never the whole round.
            PlacementResult placed;
            using (await gate.EnterAsync(cancellationToken))
            {
                placed = await placer.DecideAndPlaceAsync(item, request, snapshot, cancellationToken);
            }

            switch (placed.Outcome)
            {
                case PlaceOutcome.Placed when placed.Placement!.AgentId is null:
                    offered++;
                    break;
                case PlaceOutcome.Placed:
                    assigned++;
                    break;
                case PlaceOutcome.ItemMoved:
                    lost++;
                    break;
            }
        }

        var result = new RoundResult(roundId, waiting.Count, assigned, offered, Skipped: false) { TakenElsewhere = lost };
        logger.LogInformation(
            "Backlog round {RoundId}: {Waiting} waiting, {Assigned} assigned, {Offered} moved to a pool, {TakenElsewhere} taken elsewhere, {StillWaiting} still waiting, {Elapsed} ms",
            roundId, waiting.Count, assigned, offered, lost, waiting.Count - assigned - offered - lost, elapsed.ElapsedMilliseconds);
        return result;
    }
}

/// <summary>What a round did (tests and the benchmark read it).</summary>
internal sealed record RoundResult(Guid RoundId, int Waiting, int Assigned, int Offered, bool Skipped)
{
    public int TakenElsewhere { get; init; }
}
