using ContactCenter.Queues.Contracts;

namespace ContactCenter.Queues.Routing;

/// <summary>Where an item goes: its new state, team and agent, and the rule and words that explain it.</summary>
internal sealed record Placement(
    WorkItemState State,
    Guid? TeamId,
    Guid? AgentId,
    RoutingRule Rule,
    string Explanation,
    DateTime? FirstResponseDueAt = null,
    bool IgnoreCapacity = false)
{
    /// <summary>
    /// Where a policy decision puts the item. A newly assigned agent must answer within the first-response timeout,
    /// except the owner (a returning contact waits for their own agent, available or not) and lead tasks (calls and
    /// e-mails have no reply to wait for).
    /// </summary>
    public static Placement Of(RoutingDecision decision, WorkItemKind kind, int firstResponseSeconds, DateTime now) => decision.Rule switch
    {
        RoutingRule.NoTeam => new(WorkItemState.Waiting, null, null, decision.Rule, decision.Explanation),
        RoutingRule.Pool => new(WorkItemState.Offered, decision.Team?.Id, null, decision.Rule, decision.Explanation),
        RoutingRule.Backlog => new(WorkItemState.Waiting, decision.Team?.Id, null, decision.Rule, decision.Explanation),
        RoutingRule.Owner => new(WorkItemState.Assigned, decision.Team?.Id, decision.Agent!.UserId, decision.Rule, decision.Explanation, IgnoreCapacity: true),
        _ => new(
            WorkItemState.Assigned,
            decision.Team?.Id,
            decision.Agent!.UserId,
            decision.Rule,
            decision.Explanation,
            kind == WorkItemKind.Conversation ? now.AddSeconds(firstResponseSeconds) : null),
    };
}

internal enum PlaceOutcome
{
    Placed,

    /// <summary>Someone else moved the item first (another node's round, a claim): nothing changed.</summary>
    ItemMoved,

    /// <summary>The agent filled up meanwhile (after every attempt, for a decided placement): nothing changed.</summary>
    AgentFull,

    /// <summary>The rule has nowhere to put it now (the caller's shape said so, e.g. backlog in a round): nothing written.</summary>
    Stays,
}

/// <summary>
/// An item to place by the rule: the facts <see cref="RoutingPolicy.Decide"/> weighs, and how the caller turns a
/// decision into a placement (its rule and words, its deadline; null: leave the item where it is).
/// </summary>
/// <param name="Attempts">Decisions to try when the picked agent filled up meanwhile (another node, a claim).</param>
/// <param name="ForgetWrites">
/// A round or a sweep places thousands of items in one unit of work: forget what each placement wrote once it is
/// committed, so the change tracker does not grow with the batch.
/// </param>
internal sealed record PlacementRequest(
    RoutingFacts Facts,
    Func<RoutingDecision, DateTime, Placement?> Shape,
    int Attempts = 3,
    Guid? RoundId = null,
    Guid? ByUserId = null,
    bool ForgetWrites = false);

/// <summary>What became of a placement; <see cref="Decision"/> is the last one weighed (null for a placement given as is).</summary>
internal sealed record PlacementResult(PlaceOutcome Outcome, RoutingDecision? Decision, Placement? Placement);

/// <summary>
/// THE placement path. Decide (<see cref="RoutingPolicy.Decide"/>, pure) → place with the store's conditional updates
/// (<c>ActiveCount &lt; Max</c>, <c>Version = seen</c>; the store logs the decision and raises it, handled in the same
/// transaction) → on a lost race for the agent, read their load again, count them full and decide again. The snapshot
/// follows every placement (the new agent's load and last assignment, the previous agent's freed slot), so a round
/// that places thousands of items keeps deciding on what it has already handed out.
/// </summary>
internal sealed class Placer(RoutingStore store, TimeProvider clock)
{
    /// <summary>Places an existing item (read as <paramref name="seen"/>) by the rule, in a transaction of its own per attempt.</summary>
    public Task<PlacementResult> DecideAndPlaceAsync(WorkItem seen, PlacementRequest request, RoutingSnapshot snapshot, CancellationToken cancellationToken) =>
        DecideAsync(
            seen.AssignedAgentId,
            request,
            snapshot,
            (to, now, decision) => store.TryPlaceAsync(seen, to, now, decision, request.RoundId, request.ByUserId, snapshot, cancellationToken),
            cancellationToken);

    /// <summary>Places a new item by the rule and adds it to the caller's unit of work (saved with it).</summary>
    public Task<PlacementResult> DecideAndAddAsync(WorkItem fresh, PlacementRequest request, RoutingSnapshot snapshot, CancellationToken cancellationToken) =>
        DecideAsync(null, request, snapshot, (to, now, decision) => store.TryAddAsync(fresh, to, now, decision, snapshot, cancellationToken), cancellationToken);

    /// <summary>
    /// Places items nobody has by the rule together (a round's chunk), in the caller's transaction, nothing saved: the
    /// caller saves once (the chunk's events are one wave) and commits. The items are decided in turn on the snapshot,
    /// each decision counting the ones before it, until <paramref name="maxPlacements"/> are placed or the items run
    /// out, then written with a few statements (<see cref="RoutingStore.TryPlaceAllAsync"/>); those whose agent filled
    /// up meanwhile are decided again (the snapshot now has that agent full) and written in a next pass, up to their
    /// request's attempts. Returns one result per item gone through, in order (the caller's next item is the one after).
    /// </summary>
    public async Task<IReadOnlyList<PlacementResult>> DecideAndPlaceAllAsync(
        IReadOnlyList<WorkItem> items, int from, Func<WorkItem, PlacementRequest> request, int maxPlacements, RoutingSnapshot snapshot, CancellationToken cancellationToken)
    {
        var results = new List<PlacementResult?>();
        var now = clock.GetUtcNow().UtcDateTime;
        var plans = new List<(int Index, PlannedPlacement Plan, int Attempt)>();
        for (var next = from; next < items.Count && plans.Count < maxPlacements; next++)
        {
            results.Add(null);
            if (Plan(results.Count - 1, items[next], 1) is { } plan)
            {
                plans.Add(plan);
            }
        }

        while (plans.Count > 0)
        {
            var outcomes = await store.TryPlaceAllAsync([.. plans.Select(p => p.Plan)], now, snapshot, cancellationToken);
            var again = new List<(int Index, PlannedPlacement Plan, int Attempt)>();
            for (var i = 0; i < plans.Count; i++)
            {
                var (index, plan, attempt) = plans[i];
                if (outcomes[i] == PlaceOutcome.AgentFull && attempt < request(plan.Seen).Attempts)
                {
                    if (Plan(index, plan.Seen, attempt + 1) is { } retry)
                    {
                        again.Add(retry);
                    }

                    continue;
                }

                results[index] = new PlacementResult(outcomes[i], plan.Decision, outcomes[i] == PlaceOutcome.Placed ? plan.Placement : null);
            }

            plans = again;
        }

        return [.. results.Select(r => r!)];

        // Decides one item on the snapshot and counts it there (the next decision sees the slot taken); null: it stays.
        (int, PlannedPlacement, int)? Plan(int index, WorkItem seen, int attempt)
        {
            var asked = request(seen);
            var decision = RoutingPolicy.Decide(asked.Facts, snapshot);
            if (asked.Shape(decision, now) is not { } placement)
            {
                results[index] = new PlacementResult(PlaceOutcome.Stays, decision, null);
                return null;
            }

            if (snapshot.FindAgent(placement.AgentId) is { } taken)
            {
                taken.ActiveCount++;
                taken.LastAssignedAt = now;
            }

            return (index, new PlannedPlacement(seen, placement, decision, asked.RoundId), attempt);
        }
    }

    /// <summary>
    /// Places an existing item where a person put it (a claim, a transfer to an agent): one try, no rule to repeat.
    /// When the agent filled up meanwhile, the snapshot's copy of them is read again so the caller can say how full.
    /// </summary>
    public async Task<PlaceOutcome> PlaceAsync(WorkItem seen, Placement to, DateTime now, RoutingSnapshot snapshot, Guid? byUserId, CancellationToken cancellationToken)
    {
        var outcome = await store.TryPlaceAsync(seen, to, now, null, null, byUserId, snapshot, cancellationToken);
        await FollowAsync(outcome, snapshot, seen.AssignedAgentId, to, now, cancellationToken);
        return outcome;
    }

    /// <summary>Adds a new item where the caller put it (the agent who started it, the backlog after every pick filled up).</summary>
    public Task<PlaceOutcome> AddAsync(WorkItem fresh, Placement to, DateTime now, RoutingSnapshot snapshot, CancellationToken cancellationToken) =>
        store.TryAddAsync(fresh, to, now, null, snapshot, cancellationToken);

    private async Task<PlacementResult> DecideAsync(
        Guid? previousAgentId,
        PlacementRequest request,
        RoutingSnapshot snapshot,
        Func<Placement, DateTime, RoutingDecision, Task<PlaceOutcome>> tryPlace,
        CancellationToken cancellationToken)
    {
        RoutingDecision? decision = null;
        for (var attempt = 0; attempt < request.Attempts; attempt++)
        {
            decision = RoutingPolicy.Decide(request.Facts, snapshot);
            var now = clock.GetUtcNow().UtcDateTime;
            if (request.Shape(decision, now) is not { } placement)
            {
                return new PlacementResult(PlaceOutcome.Stays, decision, null);
            }

            var outcome = await tryPlace(placement, now, decision);
            if (request.ForgetWrites)
            {
                store.ForgetWrites();
            }

            if (await FollowAsync(outcome, snapshot, previousAgentId, placement, now, cancellationToken) is { } chosen)
            {
                // Full for this item either way: even when the stored load still shows room, the update said no
                // (another transaction holds their row), and picking them again would spin.
                chosen.ActiveCount = Math.Max(chosen.ActiveCount, chosen.MaxConcurrentConversations);
                continue;
            }

            return new PlacementResult(outcome, decision, outcome == PlaceOutcome.Placed ? placement : null);
        }

        return new PlacementResult(PlaceOutcome.AgentFull, decision, null);
    }

    /// <summary>
    /// Keeps the snapshot true to what the store did: after a placement, the new agent's slot taken and the previous
    /// agent's freed; after a lost race for the agent, their load as stored now (returned, so a decided placement can
    /// pass them over).
    /// </summary>
    private async Task<AgentState?> FollowAsync(
        PlaceOutcome outcome, RoutingSnapshot snapshot, Guid? previousAgentId, Placement to, DateTime now, CancellationToken cancellationToken)
    {
        if (outcome == PlaceOutcome.AgentFull && snapshot.FindAgent(to.AgentId) is { } full)
        {
            await store.RefreshAsync(full, cancellationToken);
            return full;
        }

        if (outcome == PlaceOutcome.Placed && to.AgentId != previousAgentId)
        {
            if (snapshot.FindAgent(previousAgentId) is { } previous)
            {
                previous.ActiveCount = Math.Max(0, previous.ActiveCount - 1);
            }

            if (snapshot.FindAgent(to.AgentId) is { } taken)
            {
                taken.ActiveCount++;
                taken.LastAssignedAt = now;
            }
        }

        return null;
    }
}
