using Autofac;
using ContactCenter.Kernel.Data;
using ContactCenter.Queues.Contracts;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Queues.Routing;

/// <summary>
/// A backlog round: the waiting items (conversations of auto teams, or with no team yet; unanswered-lead tasks) oldest
/// first, each given to the agent the policy picks, with the round's id in its decision log. Placements are committed
/// in chunks (up to 100, or 50 ms, per transaction; each placement in a savepoint, so a lost race undoes only itself):
/// a commit per item made a round of thousands cost seconds of commits alone. Run by the Quartz job every
/// BacklogRoundSeconds and at once when an agent becomes available or frees capacity (<see cref="RoundSignal"/>). Items nobody can take stay waiting without a log line each round (the summary
/// counts them): 10,000 waiting conversations would otherwise write 10,000 rows every 30 seconds. On SQLite each
/// chunk takes its turn at the shared <see cref="IWriteGate"/>, so acknowledgements and the inbox wait one chunk,
/// not a round.
/// </summary>
internal sealed class BacklogRounds(ILifetimeScope root, RoutingLock routingLock, IWriteGate gate, TimeProvider clock, ILogger<BacklogRounds> logger)
{
    /// <summary>Attempts per item when the picked agent filled up meanwhile (another node, a claim).</summary>
    private const int AttemptsPerItem = 3;

    /// <summary>The most placements one transaction takes, and how long it may stay open taking more.</summary>
    private const int PlacementsPerTransaction = 100;

    private static readonly TimeSpan TransactionTime = TimeSpan.FromMilliseconds(50);

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

        var db = scope.Resolve<ContactCenterDbContext>();
        var tally = new Tally();
        var next = 0;

        // Nobody anywhere can take more: the rest waits for the next round.
        bool AnyoneFree() => snapshot.Agents.Any(a => a.IsAvailable && a.HasCapacity);

        Task<PlacementResult> PlaceAsync(WorkItem item) => placer.DecideAndPlaceAsync(item, Request(item, settings.FirstResponseTimeoutSeconds, roundId), snapshot, cancellationToken);

        while (next < waiting.Count && AnyoneFree())
        {
            var from = next;
            var chunk = new Tally();
            try
            {
                // Placements share a transaction (each in a savepoint of it): one commit per chunk instead of per item.
                // The chunk is short, so on SQLite acknowledgements and the inbox wait for it, never for the round.
                using (await gate.EnterAsync(cancellationToken))
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    var started = clock.GetTimestamp();
                    do
                    {
                        chunk.Count(await PlaceAsync(waiting[next++]));
                    }
                    while (next < waiting.Count && next - from < PlacementsPerTransaction
                        && clock.GetElapsedTime(started) < TransactionTime && AnyoneFree());

                    await transaction.CommitAsync(cancellationToken);
                }

                tally.Add(chunk);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Nothing of the chunk stayed (PostgreSQL undoes a deadlock's victim whole: an inbox batch took the
                // same agents in another order). The snapshot counted its placements, so it is read again, and the
                // chunk's items are placed one per transaction; an error there is a real one and ends the round.
                logger.LogWarning(ex, "Backlog round {RoundId}: a chunk of {Count} placements was rolled back; placing them one by one", roundId, next - from);
                db.ChangeTracker.Clear();
                snapshot = await snapshots.LoadAsync(cancellationToken);
                for (var i = from; i < next; i++)
                {
                    using (await gate.EnterAsync(cancellationToken))
                    {
                        tally.Count(await PlaceAsync(waiting[i]));
                    }
                }
            }
        }

        var (assigned, offered, lost) = (tally.Assigned, tally.Offered, tally.Lost);
        var result = new RoundResult(roundId, waiting.Count, assigned, offered, Skipped: false) { TakenElsewhere = lost };
        logger.LogInformation(
            "Backlog round {RoundId}: {Waiting} waiting, {Assigned} assigned, {Offered} moved to a pool, {TakenElsewhere} taken elsewhere, {StillWaiting} still waiting, {Elapsed} ms",
            roundId, waiting.Count, assigned, offered, lost, waiting.Count - assigned - offered - lost, elapsed.ElapsedMilliseconds);
        return result;
    }

    private static PlacementRequest Request(WorkItem item, int firstResponseSeconds, Guid roundId) => new(
        new RoutingFacts(item.TeamId, item.ProductId, item.ChannelAccountId, IgnorePoolMode: item.Kind == WorkItemKind.LeadTask),
        (decision, now) => decision.Rule is RoutingRule.Backlog or RoutingRule.NoTeam
            ? null // still nowhere to go: no log line (the summary counts it)
            : Placement.Of(decision, item.Kind, firstResponseSeconds, now),
        AttemptsPerItem,
        RoundId: roundId,
        ForgetWrites: true);

    private sealed class Tally
    {
        public int Assigned { get; private set; }

        public int Offered { get; private set; }

        public int Lost { get; private set; }

        public void Count(PlacementResult placed)
        {
            switch (placed.Outcome)
            {
                case PlaceOutcome.Placed when placed.Placement!.AgentId is null:
                    Offered++;
                    break;
                case PlaceOutcome.Placed:
                    Assigned++;
                    break;
                case PlaceOutcome.ItemMoved:
                    Lost++;
                    break;
            }
        }

        public void Add(Tally other) => (Assigned, Offered, Lost) = (Assigned + other.Assigned, Offered + other.Offered, Lost + other.Lost);
    }
}

/// <summary>What a round did (tests and the benchmark read it).</summary>
internal sealed record RoundResult(Guid RoundId, int Waiting, int Assigned, int Offered, bool Skipped)
{
    public int TakenElsewhere { get; init; }
}
