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
internal sealed partial class RoutingStore(ContactCenterDbContext db, RoutingSnapshots snapshots, IDomainEvents events, ISqlDialect dialect)
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
