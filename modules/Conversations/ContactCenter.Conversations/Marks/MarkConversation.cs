using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Conversations.Listing;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Marks;

/// <summary>
/// The agent marks an open conversation pending (come back to it) or resolved (nothing left to do: it leaves the
/// inbox's "waiting" count and stays quiet until the contact writes again), or clears the mark. Only the conversation's
/// agent, or a supervisor or admin who can see it.
/// </summary>
internal static class MarkConversation
{
    internal sealed record Request(ConversationMark? Mark);

    internal sealed class Handler(ContactCenterDbContext db, ConversationVisibility visibility, ICurrentUser caller)
    {
        public async Task<Result<ConversationSummary>> HandleAsync(Guid conversationId, Request request, CancellationToken cancellationToken)
        {
            var conversation = await (await visibility.ApplyAsync(db.Set<Conversation>(), cancellationToken))
                .FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
            if (conversation is null)
            {
                return Error.NotFound("The conversation");
            }

            if (!ReplyRule.MayAct(conversation, caller))
            {
                return ReplyRule.Refusal("mark it");
            }

            if (conversation.Status == ConversationStatus.Finished)
            {
                return Error.Conflict("already_finished", "This conversation is finished: only open conversations are marked.");
            }

            conversation.Mark = request.Mark;
            await db.SaveChangesAsync(cancellationToken);
            return conversation.ToSummary(caller);
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/conversations/{id:guid}/mark", async Task<Results<Ok<ConversationSummary>, ProblemHttpResult>> (Guid id, Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, request, ct)).ToHttp(TypedResults.Ok))
        .WithName("MarkConversation")
        .WithSummary("Mark an open conversation pending or resolved (or clear the mark with null)")
        .WithDescription("Body {mark: \"pending\" | \"resolved\" | null}. Resolved is cleared by the contact's next message. " +
            "404 when the caller may not see it, 403 when it is another agent's, 409 already_finished.")
        .WithTags("Conversations")
        .RequireAuthorization(Policies.Agent);
}
