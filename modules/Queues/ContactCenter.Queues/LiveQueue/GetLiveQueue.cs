using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Agents;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Domain;
using ContactCenter.Queues.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Queues.LiveQueue;

/// <summary>
/// The supervisor's live queue: who waits where and for how long, and each agent's presence and load, counted from
/// routing's own work items (Queues owns who has what; it does not ask Conversations to count its results). A
/// supervisor sees their teams (the conversation visibility rule, and the agents of those teams); an admin everything.
/// </summary>
internal static class GetLiveQueue
{
    /// <summary>The queue at <see cref="At"/>; waits are counted from then, in whole seconds.</summary>
    internal sealed record View(DateTime At, IReadOnlyList<TeamQueue> Teams, IReadOnlyList<AgentLoad> Agents);

    /// <summary>Waiting conversations of a team (null: not routed to any team yet), broken down by product.</summary>
    internal sealed record TeamQueue(Guid? TeamId, string? TeamName, int Waiting, int OldestWaitSeconds, IReadOnlyList<ProductQueue> Products);

    internal sealed record ProductQueue(Guid? ProductId, string? ProductName, int Waiting, int OldestWaitSeconds);

    /// <summary>An agent's presence and load: open conversations assigned to them against their capacity.</summary>
    internal sealed record AgentLoad(
        Guid UserId,
        string DisplayName,
        AgentPresence Presence,
        DateTime PresenceChangedAt,
        DateTime? DisconnectedSince,
        int OpenConversations,
        int MaxConcurrentConversations,
        IReadOnlyList<Guid> TeamIds);

    internal sealed class Handler(
        ContactCenterDbContext db, ICurrentUser caller, AgentViews agents, TimeProvider clock)
    {
        public async Task<View> HandleAsync(CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var open = (await VisibilityScope.OfAsync(caller, VisibilityRule.Conversations, cancellationToken))
                .Apply(db.Set<WorkItem>().AsNoTracking(), w => w.AssignedAgentId, w => w.TeamId)
                .Where(w => w.Kind == WorkItemKind.Conversation && w.State != WorkItemState.Done);
            // Grouped in the database: two small queries whatever the number of conversations. The wait counts from
            // when the conversation arrived (its item's creation), as before.
            var waiting = await open
                .Where(w => w.AssignedAgentId == null)
                .GroupBy(w => new { w.TeamId, w.ProductId })
                .Select(g => new { g.Key.TeamId, g.Key.ProductId, Count = g.Count(), OldestSince = g.Min(w => w.CreatedAt) })
                .ToListAsync(cancellationToken);
            var openByAgent = await open
                .Where(w => w.AssignedAgentId != null)
                .GroupBy(w => w.AssignedAgentId!.Value)
                .Select(g => new { AgentId = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var teamNames = await db.Set<Team>().AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
            var productNames = await db.Set<Product>().AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
            int WaitOf(DateTime since) => (int)Math.Max(0, (now - since).TotalSeconds);

            var teams = waiting
                .GroupBy(w => w.TeamId)
                .Select(team => new TeamQueue(
                    team.Key,
                    team.Key is { } id ? teamNames.GetValueOrDefault(id) : null,
                    team.Sum(w => w.Count),
                    WaitOf(team.Min(w => w.OldestSince)),
                    team.OrderBy(w => w.OldestSince)
                        .Select(w => new ProductQueue(
                            w.ProductId, w.ProductId is { } p ? productNames.GetValueOrDefault(p) : null, w.Count, WaitOf(w.OldestSince)))
                        .ToList()))
                .OrderByDescending(t => t.OldestWaitSeconds)
                .ToList();

            var carried = openByAgent.ToDictionary(a => a.AgentId, a => a.Count);
            var profiles = await VisibleAgentsAsync(cancellationToken);
            // Agents only: supervisors and admins have routing profiles too, but they are not the ones taking work.
            var loads = (await agents.LoadAsync(profiles, cancellationToken))
                .Where(a => a.Role == Role.Agent)
                .Select(a => new AgentLoad(
                    a.UserId,
                    a.DisplayName,
                    a.Presence,
                    a.PresenceChangedAt,
                    a.DisconnectedSince,
                    carried.GetValueOrDefault(a.UserId),
                    a.MaxConcurrentConversations,
                    a.TeamIds))
                .ToList();
            return new View(now, teams, loads);
        }

        // Active agents only; a supervisor sees the members of their own teams (an API key belongs to none).
        private async Task<IQueryable<AgentProfile>> VisibleAgentsAsync(CancellationToken cancellationToken)
        {
            var profiles = db.Set<AgentProfile>().Where(a => a.IsActive);
            if (caller.IsAtLeast(Role.Admin))
            {
                return profiles;
            }

            var teamIds = (await caller.GetTeamIdsAsync(cancellationToken)).ToList();
            var members = db.Set<TeamMember>().Where(m => teamIds.Contains(m.TeamId)).Select(m => m.UserId);
            return profiles.Where(a => members.Contains(a.UserId));
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/queue/live", async (Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
        .WithName("GetLiveQueue")
        .WithSummary("Get the live queue")
        .WithDescription("Waiting conversations (not finished, no agent) per team and product with the oldest wait in seconds, and each active agent's presence and load (open assigned conversations / capacity). Supervisors see their teams; admins everything.")
        .WithTags("Routing")
        .RequireAuthorization(Policies.Supervisor);
}
