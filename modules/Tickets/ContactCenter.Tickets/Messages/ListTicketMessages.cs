using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Tickets.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tickets.Messages;

/// <summary>
/// The messages linked to a ticket, oldest first, with their media: whoever may see the ticket reads them, even when the
/// conversation they came from is now someone else's (the ticket is what grants them).
/// </summary>
internal static class ListTicketMessages
{
    internal sealed class Handler(ContactCenterDbContext db, IConversationsApi conversations, TicketVisibility visibility)
    {
        public async Task<Result<IReadOnlyList<MessageDto>>> HandleAsync(int number, CancellationToken cancellationToken)
        {
            if (await visibility.FindAsync(number, tracked: false, cancellationToken) is not { Id: var ticketId })
            {
                return TicketRules.NotFound(number);
            }

            var ids = await db.Set<TicketMessage>().AsNoTracking().Where(m => m.TicketId == ticketId).Select(m => m.MessageId).ToListAsync(cancellationToken);
            List<MessageDto> messages = ids.Count == 0 ? [] : [.. await conversations.ListMessagesByIdAsync(ids, cancellationToken)];
            return messages;
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/tickets/{number:int}/messages", async Task<Results<Ok<IReadOnlyList<MessageDto>>, ProblemHttpResult>> (int number, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(number, ct)).ToHttp(TypedResults.Ok))
        .WithName("ListTicketMessages")
        .WithSummary("The messages linked to a ticket, oldest first, with their media")
        .WithTags("Tickets")
        .RequireAuthorization(Policies.Agent);
}
