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

namespace ContactCenter.Tickets.Messages;

/// <summary>
/// "Vincular a chamado": adds messages picked in a conversation to an existing ticket, found by its number. Messages
/// already linked are left as they are, so sending the same selection twice links nothing twice.
/// </summary>
internal static class LinkMessages
{
    internal sealed record Request(Guid? ConversationId, IReadOnlyList<Guid>? MessageIds);

    internal sealed class Handler(
        ContactCenterDbContext db, IConversationsApi conversations, TicketVisibility visibility, TicketViews views, ICurrentUser caller, TimeProvider clock)
    {
        public async Task<Result<TicketDetail>> HandleAsync(int number, Request request, CancellationToken cancellationToken)
        {
            if (request.MessageIds is not { Count: > 0 } messageIds)
            {
                return Error.Validation("messageIds", "Escolha ao menos uma mensagem para vincular.");
            }

            if (TicketRules.CheckMessageCount(messageIds) is { } tooMany)
            {
                return tooMany;
            }

            if (await visibility.FindAsync(number, tracked: true, cancellationToken) is not { } ticket)
            {
                return TicketRules.NotFound(number);
            }

            if (request.ConversationId is not { } conversationId
                || await conversations.FindVisibleMessagesAsync(conversationId, [.. messageIds], cancellationToken) is not { } picked)
            {
                return TicketRules.ConversationNotFound();
            }

            if (picked.Messages.Count != messageIds.Distinct().Count())
            {
                return Error.Validation("messageIds", "Algumas mensagens escolhidas não são desta conversa.");
            }

            var ids = picked.Messages.Select(m => m.Id).ToList();
            var already = await db.Set<TicketMessage>()
                .Where(m => m.TicketId == ticket.Id && ids.Contains(m.MessageId))
                .Select(m => m.MessageId)
                .ToListAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var added = picked.Messages.Where(m => !already.Contains(m.Id)).ToList();
            if (added.Count > 0)
            {
                db.AddRange(added.Select(m => new TicketMessage { TicketId = ticket.Id, MessageId = m.Id, ConversationId = m.ConversationId, LinkedAt = now, LinkedById = caller.UserId }));
                db.Add(new TicketChange
                {
                    TicketId = ticket.Id, Position = await TicketHistory.LastPositionAsync(db, ticket.Id, cancellationToken) + 1, At = now, ById = caller.UserId, ByName = caller.DisplayName, Field = "messages", To = added.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
                ticket.UpdatedAt = now;
                if (await TicketHistory.SaveAsync(db, number, cancellationToken) is { } meanwhile)
                {
                    return meanwhile;
                }
            }

            return await views.ToDetailAsync(ticket, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/tickets/{number:int}/messages", async Task<Results<Ok<TicketDetail>, ProblemHttpResult>> (
                int number, Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(number, request, ct)).ToHttp(TypedResults.Ok))
        .WithName("LinkTicketMessages")
        .WithSummary("Link messages picked in a conversation to a ticket, by its number")
        .WithDescription("Messages already linked are skipped. 404 ticket_not_found / conversation_not_found when the caller may not see them.")
        .WithTags("Tickets")
        .RequireAuthorization(Policies.Agent);
}
