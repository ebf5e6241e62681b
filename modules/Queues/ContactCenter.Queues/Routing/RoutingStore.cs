using System.Text.Json;
using ContactCenter.Identity.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ContactCenter.Queues.Routing;

/// <summary>
/// Routing's reads and writes. Every change of an agent's load and of an existing item is a CONDITIONAL update
/// (<c>ActiveCount &lt; Max</c>, <c>Version = @seen</c>): with several nodes on one PostgreSQL the losing writer changes
/// zero rows and gives up, so nobody goes past capacity and no item is assigned twice.
/// </summary>
internal sealed class RoutingStore(ContactCenterDbContext db, RoutingSnapshots snapshots, IDomainEvents events, ISqlDialect dialect)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    // What PreloadItemsAsync read for this unit of work: for these subjects, stored items are known without a query.
    private readonly HashSet<(WorkItemKind, Guid)> _preloaded = [];
    private readonly HashSet<(WorkItemKind, Guid)> _stored = [];

    /// <summary>The agent's load as stored now (after a lost race, the round's copy is stale).</summary>
    public async Task RefreshAsync(AgentState agent, CancellationToken cancellationToken)
    {
        var row = await db.Set<AgentProfile>().AsNoTracking()
            .Where(a => a.UserId == agent.UserId)
            .Select(a => new { a.ActiveCount, a.MaxConcurrentConversations, a.LastAssignedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is not null)
        {
            (agent.ActiveCount, agent.MaxConcurrentConversations, agent.LastAssignedAt) = (row.ActiveCount, row.MaxConcurrentConversations, row.LastAssignedAt);
        }
    }

    /// <summary>The item of a conversation or task as stored now (not tracked: every write is a conditional update).</summary>
    public Task<WorkItem?> FindAsync(WorkItemKind kind, Guid subjectId, CancellationToken cancellationToken) =>
        db.Set<WorkItem>().AsNoTracking().FirstOrDefaultAsync(w => w.Kind == kind && w.SubjectId == subjectId, cancellationToken);

    /// <summary>The item as stored now, after a lost race: who has it.</summary>
    public Task<WorkItem> GetAsync(Guid itemId, CancellationToken cancellationToken) =>
        db.Set<WorkItem>().AsNoTracking().FirstAsync(w => w.Id == itemId, cancellationToken);

    /// <summary>
    /// True when the subject already has an item, stored or added earlier in this unit of work: an event delivered
    /// twice (a retried inbox row, a second sweep) must not route the same conversation or task again.
    /// </summary>
    public async Task<bool> HasItemAsync(WorkItemKind kind, Guid subjectId, CancellationToken cancellationToken)
    {
        if (db.Tracked<WorkItem>().Any(w => w.Kind == kind && w.SubjectId == subjectId))
        {
            return true;
        }

        return _preloaded.Contains((kind, subjectId))
            ? _stored.Contains((kind, subjectId))
            : await db.Set<WorkItem>().AnyAsync(w => w.Kind == kind && w.SubjectId == subjectId, cancellationToken);
    }

    /// <summary>Reads which of these subjects have a stored item with one query; <see cref="HasItemAsync"/> then asks nothing for them.</summary>
    public async Task PreloadItemsAsync(WorkItemKind kind, IReadOnlyCollection<Guid> subjectIds, CancellationToken cancellationToken)
    {
        var stored = await db.Set<WorkItem>().AsNoTracking()
            .Where(w => w.Kind == kind && subjectIds.Contains(w.SubjectId))
            .Select(w => w.SubjectId)
            .ToListAsync(cancellationToken);
        _stored.UnionWith(stored.Select(id => (kind, id)));
        _preloaded.UnionWith(subjectIds.Select(id => (kind, id)));
    }

    /// <summary>An item that waits for the next round, saved with the caller's unit of work (nothing is decided yet).</summary>
    public void AddWaiting(WorkItem item) => db.Set<WorkItem>().Add(item);

    /// <summary>The backlog, oldest first: what a round places.</summary>
    public Task<List<WorkItem>> ListWaitingAsync(CancellationToken cancellationToken) =>
        db.Set<WorkItem>().AsNoTracking()
            .Where(w => w.State == WorkItemState.Waiting)
            .OrderBy(w => w.WaitingSince).ThenBy(w => w.Id)
            .ToListAsync(cancellationToken);

    /// <summary>Assigned conversations not answered by their deadline, the most overdue first.</summary>
    public Task<List<WorkItem>> ListOverdueAsync(DateTime now, int max, CancellationToken cancellationToken) =>
        db.Set<WorkItem>().AsNoTracking()
            .Where(w => w.FirstResponseDueAt != null && w.FirstResponseDueAt <= now && w.State == WorkItemState.Assigned && w.AnsweredAt == null)
            .OrderBy(w => w.FirstResponseDueAt)
            .Take(max)
            .ToListAsync(cancellationToken);

    public Task<List<RoutingDecisionEntry>> ListDecisionsAsync(Guid itemId, CancellationToken cancellationToken) =>
        db.Set<RoutingDecisionEntry>().AsNoTracking().Where(d => d.WorkItemId == itemId).ToListAsync(cancellationToken);

    /// <summary>The item is done, if nobody changed it since it was read (false: read it again).</summary>
    public async Task<bool> TryFinishAsync(WorkItem seen, CancellationToken cancellationToken) =>
        await db.Set<WorkItem>()
            .Where(w => w.Id == seen.Id && w.Version == seen.Version)
            .ExecuteUpdateAsync(
                s => s
                    .SetProperty(w => w.State, WorkItemState.Done)
                    .SetProperty(w => w.FirstResponseDueAt, (DateTime?)null)
                    .SetProperty(w => w.Version, seen.Version + 1),
                cancellationToken) == 1;

    /// <summary>An agent wrote: the conversation is answered and loses its first-response deadline.</summary>
    public Task MarkAnsweredAsync(Guid conversationId, DateTime at, CancellationToken cancellationToken) =>
        db.Set<WorkItem>()
            .Where(w => w.Kind == WorkItemKind.Conversation && w.SubjectId == conversationId && w.AnsweredAt == null)
            .ExecuteUpdateAsync(
                s => s
                    .SetProperty(w => w.AnsweredAt, at)
                    .SetProperty(w => w.FirstResponseDueAt, (DateTime?)null)
                    .SetProperty(w => w.Version, w => w.Version + 1),
                cancellationToken);

    /// <summary>A round or sweep places item after item in one unit of work: drop what the committed ones left tracked.</summary>
    public void ForgetWrites() => db.ChangeTracker.Clear();

    public Task ReleaseCapacityAsync(Guid agentId, CancellationToken cancellationToken) =>
        db.Set<AgentProfile>()
            .Where(a => a.UserId == agentId && a.ActiveCount > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ActiveCount, a => a.ActiveCount - 1), cancellationToken);

    /// <summary>
    /// Moves an existing item to <paramref name="to"/> in one transaction of its own (or a savepoint of the caller's):
    /// the item only if nobody changed it since it was read, the new agent only if they still have room, then the old
    /// agent's slot is freed, the decision logged and <see cref="ConversationRouted"/> / <see cref="LeadTaskRouted"/> raised (handled before the save).
    /// </summary>
    public async Task<PlaceOutcome> TryPlaceAsync(
        WorkItem seen, Placement to, DateTime now, RoutingDecision? decision, Guid? roundId, Guid? byUserId, RoutingSnapshot snapshot, CancellationToken cancellationToken)
    {
        var own = db.Database.CurrentTransaction is null;
        await using var transaction = own ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        const string savepoint = "routing_place";
        if (!own)
        {
            await db.Database.CurrentTransaction!.CreateSavepointAsync(savepoint, cancellationToken);
        }

        async Task<PlaceOutcome> Undo(PlaceOutcome outcome)
        {
            if (own)
            {
                await transaction!.RollbackAsync(cancellationToken);
            }
            else
            {
                await db.Database.CurrentTransaction!.RollbackToSavepointAsync(savepoint, cancellationToken);
            }

            return outcome;
        }

        // Taking an unassigned item: also refuse if it got assigned meanwhile (belt and braces beside the version).
        var guardAssigned = to.State == WorkItemState.Assigned && seen.State != WorkItemState.Assigned;
        DateTime? assignedAt = to.AgentId is null ? null : now;
        var waitingSince = to.AgentId is null && seen.AssignedAgentId is not null ? now : seen.WaitingSince;
        var teamId = to.TeamId ?? seen.TeamId;
        var moved = await db.Set<WorkItem>()
            .Where(w => w.Id == seen.Id && w.Version == seen.Version && (!guardAssigned || w.State != WorkItemState.Assigned))
            .ExecuteUpdateAsync(
                s => s
                    .SetProperty(w => w.State, to.State)
                    .SetProperty(w => w.TeamId, teamId)
                    .SetProperty(w => w.AssignedAgentId, to.AgentId)
                    .SetProperty(w => w.AssignedAt, assignedAt)
                    .SetProperty(w => w.FirstResponseDueAt, to.FirstResponseDueAt)
                    .SetProperty(w => w.AnsweredAt, (DateTime?)null)
                    .SetProperty(w => w.WaitingSince, waitingSince)
                    .SetProperty(w => w.Version, seen.Version + 1),
                cancellationToken);
        if (moved == 0)
        {
            return await Undo(PlaceOutcome.ItemMoved);
        }

        if (to.AgentId is { } agent && agent != seen.AssignedAgentId
            && !await TryTakeCapacityAsync(agent, to.IgnoreCapacity, now, cancellationToken))
        {
            return await Undo(PlaceOutcome.AgentFull);
        }

        if (seen.AssignedAgentId is { } previous && previous != to.AgentId)
        {
            await ReleaseCapacityAsync(previous, cancellationToken);
        }

        await RecordAsync(seen, to, seen.AssignedAgentId, now, decision, roundId, byUserId, snapshot, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (own)
        {
            await transaction!.CommitAsync(cancellationToken);
        }
        else
        {
            await db.Database.CurrentTransaction!.ReleaseSavepointAsync(savepoint, cancellationToken);
        }

        return PlaceOutcome.Placed;
    }

    /// <summary>
    /// Moves several items nobody has (waiting, offered) where <paramref name="plans"/> put them, with a handful of
    /// statements for the lot instead of a few per item, in the caller's transaction (a round's chunk; the caller saves
    /// and commits). First the items' rows, then their agents' rows are locked and read, agents in id order (the fixed
    /// lock order), both with <see cref="RowLock.SkipLocked"/>: a chunk holds several agents, and an inbox batch takes
    /// the agents it routes to in its messages' order, so a chunk that waited for a row could close a deadlock; skipping
    /// it, it never waits. Then only what still holds is written: an item as it was read (else
    /// <see cref="PlaceOutcome.ItemMoved"/>, as is one another transaction is changing right now), and per agent only as
    /// many items as their stored load has room for (else <see cref="PlaceOutcome.AgentFull"/>; an agent another
    /// transaction holds is full for this chunk). Nothing is written before all of that is known, so a lost race has
    /// nothing to undo. Agents' loads: one update per number of slots taken; items and decision rows: tracked changes the
    /// caller's save writes in one batch, with the events it dispatches as one wave. The snapshot gets every planned
    /// agent's load as now stored (full when they could not take all their items).
    /// </summary>
    public async Task<IReadOnlyList<PlaceOutcome>> TryPlaceAllAsync(
        IReadOnlyList<PlannedPlacement> plans, DateTime now, RoutingSnapshot snapshot, CancellationToken cancellationToken)
    {
        var outcomes = new PlaceOutcome[plans.Count];
        if (plans.Count == 0)
        {
            return outcomes;
        }

        if (plans.Any(p => p.Seen.AssignedAgentId is not null))
        {
            throw new ArgumentException("Only items nobody has are placed together (no previous agent to release).", nameof(plans));
        }

        var itemIds = plans.Select(p => p.Seen.Id).ToList();
        var rows = await dialect.LockRows(db.Set<WorkItem>().Where(w => itemIds.Contains(w.Id)).OrderBy(w => w.Id), RowLock.SkipLocked)
            .ToDictionaryAsync(w => w.Id, cancellationToken);
        var agentIds = plans.Select(p => p.Placement.AgentId).OfType<Guid>().Distinct().ToList();
        var agents = agentIds.Count == 0
            ? []
            : await dialect.LockRows(db.Set<AgentProfile>().AsNoTracking().Where(a => agentIds.Contains(a.UserId)).OrderBy(a => a.UserId), RowLock.SkipLocked)
                .ToDictionaryAsync(a => a.UserId, cancellationToken);

        var taken = new Dictionary<Guid, int>();
        var filled = new HashSet<Guid>();
        for (var i = 0; i < plans.Count; i++)
        {
            var (seen, to, decision, roundId) = plans[i];
            if (!rows.TryGetValue(seen.Id, out var row) || row.Version != seen.Version || row.AssignedAgentId is not null)
            {
                outcomes[i] = PlaceOutcome.ItemMoved;
                continue;
            }

            if (to.AgentId is { } agentId)
            {
                var slots = taken.GetValueOrDefault(agentId);
                if (!agents.TryGetValue(agentId, out var agent) || (!to.IgnoreCapacity && agent.ActiveCount + slots >= agent.MaxConcurrentConversations))
                {
                    filled.Add(agentId);
                    outcomes[i] = PlaceOutcome.AgentFull;
                    continue;
                }

                taken[agentId] = slots + 1;
            }

            row.State = to.State;
            row.TeamId = to.TeamId ?? seen.TeamId;
            row.AssignedAgentId = to.AgentId;
            row.AssignedAt = to.AgentId is null ? null : now;
            row.FirstResponseDueAt = to.FirstResponseDueAt;
            row.AnsweredAt = null;
            row.Version = seen.Version + 1;
            await RecordAsync(seen, to, null, now, decision, roundId, null, snapshot, cancellationToken);
            outcomes[i] = PlaceOutcome.Placed;
        }

        // The rows are locked (or SQLite's one writer is this transaction): the loads read above are the loads now.
        foreach (var group in taken.GroupBy(t => t.Value, t => t.Key))
        {
            var (slots, ids) = (group.Key, group.ToList());
            await db.Set<AgentProfile>()
                .Where(a => ids.Contains(a.UserId))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ActiveCount, a => a.ActiveCount + slots).SetProperty(a => a.LastAssignedAt, now), cancellationToken);
        }

        foreach (var agentId in agentIds)
        {
            if (snapshot.FindAgent(agentId) is not { } state)
            {
                continue;
            }

            if (agents.TryGetValue(agentId, out var stored))
            {
                var slots = taken.GetValueOrDefault(agentId);
                state.MaxConcurrentConversations = stored.MaxConcurrentConversations;
                state.ActiveCount = stored.ActiveCount + slots;
                state.LastAssignedAt = slots > 0 ? now : stored.LastAssignedAt;
            }

            if (filled.Contains(agentId) || !agents.ContainsKey(agentId))
            {
                // Full for the rest of the round, as after a lost race one by one (picking them again would spin), and
                // so is an agent another transaction holds now (their load is unknown).
                state.ActiveCount = Math.Max(state.ActiveCount, state.MaxConcurrentConversations);
            }
        }

        return outcomes;
    }

    /// <summary>
    /// Adds a new item at <paramref name="to"/> to the caller's unit of work (the inbox transaction of the message that
    /// opened it): the agent's slot first, only if they still have room (the owner and the agent who started it count
    /// on their load even when full), then the item and its decision log.
    /// </summary>
    public async Task<PlaceOutcome> TryAddAsync(
        WorkItem fresh, Placement to, DateTime now, RoutingDecision? decision, RoutingSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (to.AgentId is { } agent && !await TryTakeCapacityAsync(agent, to.IgnoreCapacity, now, cancellationToken) && !to.IgnoreCapacity)
        {
            return PlaceOutcome.AgentFull;
        }

        fresh.State = to.State;
        fresh.TeamId = to.TeamId ?? fresh.TeamId;
        fresh.AssignedAgentId = to.AgentId;
        fresh.AssignedAt = to.AgentId is null ? null : now;
        fresh.FirstResponseDueAt = to.FirstResponseDueAt;
        db.Set<WorkItem>().Add(fresh);
        await RecordAsync(fresh, to, null, now, decision, null, null, snapshot, cancellationToken);
        return PlaceOutcome.Placed;
    }

    /// <summary>
    /// Logs the decision and raises it for the other modules (Conversations copies it, Leads keeps the timeline), with
    /// the names of who and where as the decision's snapshot has them.
    /// </summary>
    private async Task RecordAsync(
        WorkItem item,
        Placement to,
        Guid? previousAgentId,
        DateTime now,
        RoutingDecision? decision,
        Guid? roundId,
        Guid? byUserId,
        RoutingSnapshot snapshot,
        CancellationToken cancellationToken)
    {
        var (candidates, considered) = decision?.DescribeCandidates() ?? ([], 0);
        db.Set<RoutingDecisionEntry>().Add(new RoutingDecisionEntry
        {
            WorkItemId = item.Id,
            SubjectId = item.SubjectId,
            At = now,
            Rule = to.Rule,
            ChosenAgentId = to.AgentId,
            PreviousAgentId = previousAgentId,
            TeamId = to.TeamId ?? item.TeamId,
            Explanation = Cut(to.Explanation, 2000),
            CandidatesJson = JsonSerializer.Serialize(candidates, Json),
            CandidatesConsidered = considered,
            RoundId = roundId,
            ByUserId = byUserId,
        });

        var teamId = to.TeamId ?? item.TeamId;
        var names = await snapshots.NamesAsync(snapshot, [to.AgentId, previousAgentId, byUserId], teamId, cancellationToken);
        if (item.Kind == WorkItemKind.Conversation)
        {
            events.Raise(new ConversationRouted(
                item.SubjectId, item.ContactId, teamId, to.AgentId, previousAgentId, to.Rule, to.Explanation, byUserId, now, to.FirstResponseDueAt,
                names.Person(to.AgentId), names.Person(previousAgentId), names.Team, names.Person(byUserId)));
        }
        else if (to.AgentId is { } agent)
        {
            events.Raise(new LeadTaskRouted(item.SubjectId, item.ContactId, agent, teamId, now, names.Person(agent)));
        }
    }

    /// <summary>Takes one slot of the agent's capacity (unless <paramref name="evenWhenFull"/>: the owner rule). False: full.</summary>
    private async Task<bool> TryTakeCapacityAsync(Guid agentId, bool evenWhenFull, DateTime now, CancellationToken cancellationToken) =>
        await db.Set<AgentProfile>()
            .Where(a => a.UserId == agentId && (evenWhenFull || a.ActiveCount < a.MaxConcurrentConversations))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ActiveCount, a => a.ActiveCount + 1).SetProperty(a => a.LastAssignedAt, now), cancellationToken) == 1;

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <summary>One item of a chunk, decided: where it goes, the decision that put it there, the round that decided it.</summary>
internal sealed record PlannedPlacement(WorkItem Seen, Placement Placement, RoutingDecision Decision, Guid? RoundId);
