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

namespace ContactCenter.Conversations.Messages;

/// <summary>Messages by the provider's id (e.g. a wamid from a status callback), in conversations the caller may see.</summary>
internal static class FindMessages
{
    internal sealed record Page(IReadOnlyList<MessageDto> Items);

    internal sealed class Handler(ContactCenterDbContext db, ConversationVisibility visibility)
    {
        public async Task<Result<Page>> HandleAsync(string? providerMessageId, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(providerMessageId))
            {
                return Error.Validation("providerMessageId", "Give the provider's message id.");
            }

            var visible = await visibility.ApplyAsync(db.Set<Conversation>().AsNoTracking(), cancellationToken);
            var messages = await (
                from message in db.Set<Message>().AsNoTracking()
                join conversation in visible on message.ConversationId equals conversation.Id
                where message.ProviderMessageId == providerMessageId
                orderby message.CreatedAt
                select message).Take(100).ToListAsync(cancellationToken);
            return new Page(await MessageViews.ToDtosAsync(db, messages, cancellationToken));
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/messages", async Task<Results<Ok<Page>, ProblemHttpResult>> (string? providerMessageId, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(providerMessageId, ct)).ToHttp(TypedResults.Ok))
        .WithName("FindMessages")
        .WithSummary("Find messages by the provider's message id")
        .WithTags("Messages")
        .RequireAuthorization(Policies.Agent);
}
