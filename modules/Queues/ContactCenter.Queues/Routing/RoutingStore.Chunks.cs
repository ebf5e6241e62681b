using System.Text.Json;
using ContactCenter.Identity.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ContactCenter.Queues.Routing;

/// <summary>Routing's set-based write of a backlog round's chunk (the rest of the store is in RoutingStore.cs).</summary>
internal sealed partial class RoutingStore
{
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
}

/// <summary>One item of a chunk, decided: where it goes, the decision that put it there, the round that decided it.</summary>
internal sealed record PlannedPlacement(WorkItem Seen, Placement Placement, RoutingDecision Decision, Guid? RoundId);
