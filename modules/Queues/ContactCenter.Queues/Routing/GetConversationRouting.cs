using System.Text.Json;
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

/// <summary>Why a conversation is where it is: every routing decision, oldest first, with the candidates weighed.</summary>
internal static class GetConversationRouting
{
    internal sealed class Handler(RoutingStore store, IConversationsApi conversations)
    {
        public async Task<Result<ConversationRoutingDto>> HandleAsync(Guid conversationId, CancellationToken cancellationToken)
        {
            if (await conversations.FindVisibleAsync(conversationId, cancellationToken) is null)
            {
                return Error.NotFound("The conversation");
            }

            var item = await store.FindAsync(WorkItemKind.Conversation, conversationId, cancellationToken);
            if (item is null)
            {
                return new ConversationRoutingDto(conversationId, "unrouted", null, null, null, []);
            }

            var decisions = await store.ListDecisionsAsync(item.Id, cancellationToken);
            return new ConversationRoutingDto(
                conversationId,
                JsonNamingPolicy.CamelCase.ConvertName(item.State.ToString()),
                item.TeamId,
                item.AssignedAgentId,
                item.FirstResponseDueAt,
                decisions
                    .OrderBy(d => d.At).ThenBy(d => d.Id)
                    .Select(d => new RoutingDecisionDto(
                        d.Id,
                        d.At,
                        d.Rule,
                        d.ChosenAgentId,
                        d.PreviousAgentId,
                        d.TeamId,
                        d.Explanation,
                        JsonSerializer.Deserialize<List<RoutingCandidateDto>>(d.CandidatesJson, RoutingStore.Json) ?? [],
                        d.CandidatesConsidered,
                        d.RoundId,
                        d.ByUserId))
                    .ToList());
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/conversations/{id:guid}/routing", async Task<Results<Ok<ConversationRoutingDto>, ProblemHttpResult>> (Guid id, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, ct)).ToHttp(TypedResults.Ok))
        .WithName("GetConversationRouting")
        .WithSummary("Why a conversation went where it did")
        .WithDescription("Where routing has the conversation now (waiting, offered, assigned, done) and every decision, oldest first: the rule that applied, who got it, in plain words why, and the candidates weighed (presence, load, product, idle since). Only for callers who may see the conversation.")
        .WithTags("Routing")
        .RequireAuthorization(Policies.Agent);
}
