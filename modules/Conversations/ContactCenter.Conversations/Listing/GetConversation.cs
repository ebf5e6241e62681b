using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Listing;

internal static class GetConversation
{
    internal sealed class Handler(ContactCenterDbContext db, ConversationVisibility visibility, ICurrentUser caller)
    {
        /// <summary>404 whether it does not exist or may not be seen: its existence is not leaked.</summary>
        public async Task<Result<ConversationSummary>> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            var visible = await visibility.ApplyAsync(db.Set<Conversation>().AsNoTracking(), cancellationToken);
            return await visible.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is { } conversation
                ? conversation.ToSummary(caller)
                : Error.NotFound("The conversation");
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/conversations/{id:guid}", async Task<Results<Ok<ConversationSummary>, ProblemHttpResult>> (Guid id, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, ct)).ToHttp(TypedResults.Ok))
        .WithName("GetConversation")
        .WithSummary("Get a conversation")
        .WithDescription("404 when it does not exist or the caller may not see it.")
        .WithTags("Conversations")
        .RequireAuthorization(Policies.Agent);
}
