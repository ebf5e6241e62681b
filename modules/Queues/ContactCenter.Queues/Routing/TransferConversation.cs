using ContactCenter.Channels.Contracts;
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
/// Hands a conversation to an agent or a team, saying why; the history keeps who and why. Only teams linked to the
/// number the conversation came in on (and agents in such a team) may receive it. A team routes it by its own mode;
/// an agent must have room (capacity binds transfers too, so nobody is pushed past their maximum).
/// Supervisors and admins transfer any conversation they can see, an agent their own.
/// </summary>
internal static class TransferConversation
{
    public const int MaxReasonLength = 500;

    internal sealed class Handler(
        RoutingStore store, RoutingSnapshots snapshots, Placer placer, IConversationsApi conversations, IChannelsApi channels, IQueuesApi queues, ICurrentUser caller, RoundSignal signal, TimeProvider clock)
    {
        public async Task<Result<RoutingOutcome>> HandleAsync(Guid conversationId, TransferRequest request, CancellationToken cancellationToken)
        {
            var validator = new Validator()
                .Check(request.AgentId is null != request.TeamId is null, "agentId", "Choose an agent or a team (one of them).")
                .Require("reason", request.Reason, "Say why, in a few words: the history keeps it.")
                .Check((request.Reason?.Trim().Length ?? 0) <= MaxReasonLength, "reason", $"Use at most {MaxReasonLength} characters.");
            if (!validator.IsValid)
            {
                return validator.ToError();
            }

            if (await conversations.FindVisibleAsync(conversationId, cancellationToken) is not { } conversation)
            {
                return Error.NotFound("The conversation");
            }

            if (!caller.IsAtLeast(Role.Supervisor) && (conversation.AssignedAgentId is null || conversation.AssignedAgentId != caller.UserId))
            {
                return Error.Forbidden("Agents may only transfer their own conversations.");
            }

            var item = await store.FindAsync(WorkItemKind.Conversation, conversationId, cancellationToken);
            if (item is null || item.State == WorkItemState.Done)
            {
                return Error.Conflict("not_transferable", "This conversation is finished (or was never routed): it cannot be transferred.");
            }

            // The teams it may go to (the chosen one, those linked to its number) and the people it names.
            var snapshot = await snapshots.LoadAsync(
                new SnapshotScope([request.TeamId, item.TeamId], item.ProductId, item.ChannelAccountId, [request.AgentId, caller.UserId, item.AssignedAgentId]),
                cancellationToken);
            var account = item.ChannelAccountId is { } accountId ? await channels.FindAccountAsync(accountId, cancellationToken) : null;
            var number = account is null ? "this conversation's number" : $"'{account.Name}'";
            var by = caller.DisplayName ?? snapshot.FindAgent(caller.UserId)?.Name ?? "Someone";
            var reason = request.Reason!.Trim();
            var now = clock.GetUtcNow().UtcDateTime;
            var settings = await queues.GetRoutingSettingsAsync(cancellationToken);

            var result = request.TeamId is { } teamId
                ? await ToTeamAsync(item, snapshot, teamId, number, by, reason, settings, cancellationToken)
                : await ToAgentAsync(item, snapshot, request.AgentId!.Value, number, by, reason, now, settings, cancellationToken);
            if (result.IsSuccess && item.AssignedAgentId is { } previous && previous != result.Value.AgentId)
            {
                signal.Wake(); // the previous agent has room again
            }

            return result;
        }

        private async Task<Result<RoutingOutcome>> ToTeamAsync(
            WorkItem item, RoutingSnapshot snapshot, Guid teamId, string number, string by, string reason, RoutingSettingsDto settings, CancellationToken cancellationToken)
        {
            if (snapshot.FindTeam(teamId) is not { } team)
            {
                return Error.Validation("teamId", $"There is no team with id {teamId}.");
            }

            if (item.ChannelAccountId is not { } account || !team.ChannelAccountIds.Contains(account))
            {
                return Error.Conflict(
                    "team_not_linked",
                    $"Team {team.Name} is not linked to the number {number}, where this conversation came in: link the team to that number first, or choose a team that serves it.");
            }

            var facts = new RoutingFacts(team.Id, item.ProductId, item.ChannelAccountId, ExcludedAgentId: item.AssignedAgentId, ExcludedBecause: "is handing it over");
            var request = new PlacementRequest(
                facts,
                (decision, at) => Placement.Of(decision, WorkItemKind.Conversation, settings.FirstResponseTimeoutSeconds, at) with
                {
                    Rule = RoutingRule.TransferToTeam,
                    Explanation = $"{by} transferred it to team {team.Name}: \"{reason}\". {decision.Explanation}",
                },
                ByUserId: caller.UserId);
            var placed = await placer.DecideAndPlaceAsync(item, request, snapshot, cancellationToken);
            return placed is { Outcome: PlaceOutcome.Placed, Placement: { } placement }
                ? new RoutingOutcome(item.SubjectId, team.Id, placement.AgentId, placement.Rule, placement.Explanation)
                : Moved(); // taken meanwhile, or every pick filled up while we tried
        }

        private async Task<Result<RoutingOutcome>> ToAgentAsync(
            WorkItem item, RoutingSnapshot snapshot, Guid agentId, string number, string by, string reason, DateTime now, RoutingSettingsDto settings, CancellationToken cancellationToken)
        {
            if (snapshot.FindAgent(agentId) is not { } agent)
            {
                return Error.Validation("agentId", $"There is no agent with id {agentId}.");
            }

            if (!agent.IsActive)
            {
                return Error.Conflict("agent_inactive", $"{agent.Name} is deactivated and cannot take conversations.");
            }

            if (agent.UserId == item.AssignedAgentId)
            {
                return Error.Conflict("already_assigned", $"{agent.Name} already has this conversation.");
            }

            var linked = snapshot.Teams
                .Where(t => t.Members.Contains(agent) && item.ChannelAccountId is { } account && t.ChannelAccountIds.Contains(account))
                .OrderBy(t => t.Id == item.TeamId ? 0 : 1).ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (linked.Count == 0)
            {
                return Error.Conflict(
                    "agent_not_linked",
                    $"{agent.Name} is not in any team linked to the number {number}, where this conversation came in: add them to such a team first.");
            }

            if (!agent.HasCapacity)
            {
                return AtCapacity(agent);
            }

            var placement = new Placement(
                WorkItemState.Assigned, linked[0].Id, agent.UserId, RoutingRule.TransferToAgent,
                $"{by} transferred it to {agent.Name} (team {linked[0].Name}): \"{reason}\".",
                now.AddSeconds(settings.FirstResponseTimeoutSeconds));
            return await placer.PlaceAsync(item, placement, now, snapshot, caller.UserId, cancellationToken) switch
            {
                PlaceOutcome.Placed => new RoutingOutcome(item.SubjectId, linked[0].Id, agent.UserId, placement.Rule, placement.Explanation),
                PlaceOutcome.ItemMoved => Moved(),
                _ => AtCapacity(agent), // the placer read their load again
            };
        }

        private static Error AtCapacity(AgentState agent) => Error.Conflict(
            "at_capacity",
            $"{agent.Name} already has {agent.ActiveCount} of {agent.MaxConcurrentConversations} conversations: choose someone else or raise their maximum.");

        private static Error Moved() => Error.Conflict(
            "conversation_moved", "The conversation changed hands meanwhile (claimed, transferred or routed): reload it and try again.");
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/conversations/{id:guid}/transfer", async Task<Results<Ok<RoutingOutcome>, ProblemHttpResult>> (Guid id, TransferRequest request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, request, ct)).ToHttp(TypedResults.Ok))
        .WithName("TransferConversation")
        .WithSummary("Transfer a conversation to an agent or a team")
        .WithDescription("Body: agentId or teamId, and a reason (kept in the routing history). The team, or one of the agent's teams, must be linked to the conversation's number (409 team_not_linked / agent_not_linked); the agent must have room (409 at_capacity). A team routes it by its mode: auto picks an agent now (else backlog), pool offers it. Supervisors and admins transfer any conversation they see, agents their own.")
        .WithTags("Routing")
        .RequireAuthorization(Policies.Agent);
}
