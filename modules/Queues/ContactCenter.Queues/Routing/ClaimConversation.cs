using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Queues.Routing;

/// <summary>
/// A member of a pool team takes one of its offered conversations; from then on only they see it. Two people
/// claiming at once: the item's conditional update lets exactly one win, the other hears who got it.
/// </summary>
internal static class ClaimConversation
{
    internal sealed class Handler(RoutingStore store, RoutingSnapshots snapshots, Placer placer, IConversationsApi conversations, IQueuesApi queues, ICurrentUser caller, TimeProvider clock)
    {
        public async Task<Result<RoutingOutcome>> HandleAsync(Guid conversationId, CancellationToken cancellationToken)
        {
            var visible = await conversations.FindVisibleAsync(conversationId, cancellationToken) is not null;
            if (caller.IsApiKey || caller.UserId is not { } userId)
            {
                return visible
                    ? Error.Forbidden("Only a team member signed in as themselves can claim a conversation.")
                    : Error.NotFound("The conversation");
            }

            var item = await store.FindAsync(WorkItemKind.Conversation, conversationId, cancellationToken);
            var snapshot = await snapshots.LoadAsync(new SnapshotScope([item?.TeamId], null, null, [userId, item?.AssignedAgentId]), cancellationToken);
            if (!visible)
            {
                // A pool conversation disappears from the other members' view the moment one claims it: the one who
                // lost the race hears who got it, not a bare 404. Anyone else learns nothing.
                return item is { State: WorkItemState.Assigned } && snapshot.FindTeam(item.TeamId) is { Mode: TeamRoutingMode.Pool } lostTeam
                    && lostTeam.Members.Any(m => m.UserId == userId)
                    ? AlreadyClaimed(snapshot, item.AssignedAgentId)
                    : Error.NotFound("The conversation");
            }
            if (item is null || item.State == WorkItemState.Done)
            {
                return Error.Conflict("not_claimable", "This conversation is not waiting in a pool.");
            }

            // The team's mode first: an auto team's conversation is never claimable, not even by the agent it was
            // given to (docs/routing.md), so a claim cannot pass for a routing decision.
            var team = snapshot.FindTeam(item.TeamId);
            if (team is not { Mode: TeamRoutingMode.Pool })
            {
                return Error.Conflict(
                    "not_claimable",
                    team is null
                        ? "This conversation has no team yet: an admin must link a team to its number."
                        : $"Team {team.Name} hands out conversations automatically: they cannot be claimed.");
            }

            if (item.State == WorkItemState.Assigned)
            {
                return item.AssignedAgentId == userId
                    ? new RoutingOutcome(conversationId, item.TeamId, userId, RoutingRule.Claimed, "You already have this conversation.")
                    : AlreadyClaimed(snapshot, item.AssignedAgentId);
            }

            var me = snapshot.FindAgent(userId);
            if (me is null || !team.Members.Contains(me))
            {
                return Error.Forbidden($"Only members of team {team.Name} can claim its conversations.");
            }

            if (!me.HasCapacity)
            {
                return AtCapacity(me);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var settings = await queues.GetRoutingSettingsAsync(cancellationToken);
            var placement = new Placement(
                WorkItemState.Assigned, team.Id, userId, RoutingRule.Claimed,
                $"{me.Name} claimed it from the pool of team {team.Name}.", now.AddSeconds(settings.FirstResponseTimeoutSeconds));
            var outcome = await placer.PlaceAsync(item, placement, now, snapshot, userId, cancellationToken);
            if (outcome == PlaceOutcome.AgentFull)
            {
                return AtCapacity(me); // the placer read my load again
            }

            if (outcome == PlaceOutcome.ItemMoved)
            {
                var latest = await store.GetAsync(item.Id, cancellationToken);
                return latest.AssignedAgentId == userId
                    ? new RoutingOutcome(conversationId, latest.TeamId, userId, RoutingRule.Claimed, "You already have this conversation.")
                    : AlreadyClaimed(snapshot, latest.AssignedAgentId);
            }

            return new RoutingOutcome(conversationId, team.Id, userId, RoutingRule.Claimed, placement.Explanation);
        }

        private static Error AlreadyClaimed(RoutingSnapshot snapshot, Guid? agentId) => Error.Conflict(
            "already_claimed",
            snapshot.FindAgent(agentId) is { } winner
                ? $"{winner.Name} already took this conversation."
                : "Someone else already took this conversation.");

        private static Error AtCapacity(AgentState me) => Error.Conflict(
            "at_capacity",
            $"You already have {me.ActiveCount} of {me.MaxConcurrentConversations} conversations: finish one before claiming another.");
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/conversations/{id:guid}/claim", async Task<Results<Ok<RoutingOutcome>, ProblemHttpResult>> (Guid id, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, ct)).ToHttp(TypedResults.Ok))
        .WithName("ClaimConversation")
        .WithSummary("Claim a pool conversation")
        .WithDescription("A member of a pool team takes one of its waiting conversations; then only they see it. 409 already_claimed (says who got it), not_claimable (auto team or not waiting) or at_capacity.")
        .WithTags("Routing")
        .RequireAuthorization(Policies.Agent);
}
