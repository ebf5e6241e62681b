using Autofac;
using ContactCenter.Kernel.Data;
using ContactCenter.Queues.Contracts;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Queues.Routing;

/// <summary>
/// A backlog round: the waiting items (conversations of auto teams, or with no team yet; unanswered-lead tasks) oldest
/// first, each given to the agent the policy picks, with the round's id in its decision log. Placements go in chunks of
/// up to 200 per transaction, each chunk decided in memory and written set-based (<see cref="Placer.DecideAndPlaceAllAsync"/>:
/// a few statements and one save per chunk, its <c>ConversationRouted</c> events one wave whose handlers read what they
/// need once): one transaction, a savepoint and seven statements per item made a round of thousands cost a minute. Run by the Quartz job every
/// BacklogRoundSeconds and at once when an agent becomes available or frees capacity (<see cref="RoundSignal"/>). Items nobody can take stay waiting without a log line each round (the summary
/// counts them): 10,000 waiting conversations would otherwise write 10,000 rows every 30 seconds. On SQLite each
/// chunk takes its turn at the shared <see cref="IWriteGate"/>, so acknowledgements and the inbox wait one chunk,
/// not a round.
/// </summary>
internal sealed class BacklogRounds(ILifetimeScope root, RoutingLock routingLock, IWriteGate gate, TimeProvider clock, ILogger<BacklogRounds> logger)
{
    /// <summary>Attempts per item when the picked agent filled up meanwhile (another node, a claim).</summary>
    private const int AttemptsPerItem = 3;

    /// <summary>
    /// The most placements one transaction takes (items nobody can take now are gone through without a write). Each
    /// chunk pays a fixed part whatever its size: locking its items and agents, the agents' load update, the
    /// handlers' three reads, the commit; on PostgreSQL about 40 ms of a 100-placement chunk's database time in the
    /// routing bench (2026-12-08). 200 halves that part per placement; on SQLite an inbox batch waits for one chunk
    /// (the write gate), about twice as long as with 100.
    /// </summary>
    private const int PlacementsPerTransaction = 200;

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

        PlacementRequest RequestFor(WorkItem item) => Request(item, settings.FirstResponseTimeoutSeconds, roundId);

        while (next < waiting.Count && AnyoneFree())
        {
            var from = next;
            var chunk = new Tally();
            try
            {
                // A chunk is decided in memory, written with a few statements and saved once (its events one wave), in
                // one transaction: short, so on SQLite acknowledgements and the inbox wait for a chunk, never a round.
                using (await gate.EnterAsync(cancellationToken))
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    if (waiting[next].AssignedAgentId is null)
                    {
                        var placed = await placer.DecideAndPlaceAllAsync(waiting, next, RequestFor, PlacementsPerTransaction, snapshot, cancellationToken);
                        next += placed.Count;
                        foreach (var each in placed)
                        {
                            chunk.Count(each);
                        }
                    }
                    else
                    {
                        // Not expected in the backlog, but an item with an agent frees their slot: the one-by-one path does that.
                        chunk.Count(await placer.DecideAndPlaceAsync(waiting[next], RequestFor(waiting[next]), snapshot, cancellationToken));
                        next++;
                    }

                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }

                store.ForgetWrites();
                tally.Add(chunk);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Nothing of the chunk stayed (a conversation or contact its handlers update changed meanwhile; on
                // PostgreSQL a deadlock's victim is undone whole). The snapshot counted its placements, so it is read
                // again, and the chunk's items are placed one per transaction; an error there is a real one and ends the round.
                logger.LogWarning(ex, "Backlog round {RoundId}: a chunk of {Count} items was rolled back; placing them one by one", roundId, next - from);
                db.ChangeTracker.Clear();
                snapshot = await snapshots.LoadAsync(cancellationToken);
                next = next > from ? next : Math.Min(waiting.Count, from + PlacementsPerTransaction); // failed before it knew its end
                for (var i = from; i < next; i++)
                {
                    using (await gate.EnterAsync(cancellationToken))
                    {
                        tally.Count(await placer.DecideAndPlaceAsync(waiting[i], RequestFor(waiting[i]), snapshot, cancellationToken));
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
