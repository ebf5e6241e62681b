using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Tickets.Contracts;
using ContactCenter.Tickets.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tickets.Listing;

/// <summary>
/// The tickets of a conversation the caller may see: opened from it, or holding one of its messages. Only the tickets the
/// caller may see are listed.
/// </summary>
internal static class ListConversationTickets
{
    internal sealed class Handler(ContactCenterDbContext db, IConversationsApi conversations, TicketVisibility visibility, TicketViews views)
    {
        public async Task<Result<IReadOnlyList<TicketSummary>>> HandleAsync(Guid conversationId, CancellationToken cancellationToken)
        {
            if (await conversations.FindVisibleAsync(conversationId, cancellationToken) is null)
            {
                return TicketRules.ConversationNotFound();
            }

            var linked = db.Set<TicketMessage>().Where(m => m.ConversationId == conversationId).Select(m => m.TicketId);
            var visible = await visibility.ApplyAsync(db.Set<Ticket>().AsNoTracking(), cancellationToken);
            var tickets = await visible
                .Where(t => t.ConversationId == conversationId || linked.Contains(t.Id))
                .OrderByDescending(t => t.Number)
                .ToListAsync(cancellationToken);
            return await views.ToSummariesAsync(tickets, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/conversations/{conversationId:guid}/tickets", async Task<Results<Ok<IReadOnlyList<TicketSummary>>, ProblemHttpResult>> (
                Guid conversationId, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(conversationId, ct)).ToHttp(TypedResults.Ok))
        .WithName("ListConversationTickets")
        .WithSummary("The tickets opened from a conversation or holding its messages")
        .WithTags("Tickets")
        .RequireAuthorization(Policies.Agent);
}
