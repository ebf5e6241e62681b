using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;
using ContactCenter.Tickets.Contracts;
using ContactCenter.Tickets.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tickets.Opening;

/// <summary>
/// "Criar chamado": a new ticket, usually from messages picked in a conversation the caller may see (the contact becomes
/// the requester, the conversation's team the ticket's team unless another is named). Without a conversation a team is
/// required. Numbers are sequential; two tickets opened at once each get their own.
/// </summary>
internal static class OpenTicket
{
    /// <summary>What the agent filled in; <see cref="MessageIds"/> are messages of <see cref="ConversationId"/>.</summary>
    internal sealed record Request(
        string? Title,
        string? Description,
        TicketPriority? Priority,
        Guid? ConversationId,
        IReadOnlyList<Guid>? MessageIds,
        Guid? TeamId,
        Guid? AssigneeId);

    internal sealed class Handler(
        ContactCenterDbContext db, IConversationsApi conversations, IQueuesApi queues, TicketViews views, IDomainEvents events, ICurrentUser caller, TimeProvider clock)
    {
        public async Task<Result<TicketDetail>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            if ((TicketRules.CheckTitle(request.Title) ?? TicketRules.CheckDescription(request.Description) ?? TicketRules.CheckMessageCount(request.MessageIds)) is { } invalid)
            {
                return invalid;
            }

            var messageIds = request.MessageIds ?? [];
            VisibleMessages? picked = null;
            if (request.ConversationId is { } conversationId)
            {
                picked = await conversations.FindVisibleMessagesAsync(conversationId, [.. messageIds], cancellationToken);
                if (picked is null)
                {
                    return TicketRules.ConversationNotFound();
                }

                if (picked.Messages.Count != messageIds.Distinct().Count())
                {
                    return Error.Validation("messageIds", "Algumas mensagens escolhidas não são desta conversa.");
                }
            }
            else if (messageIds.Count > 0)
            {
                return Error.Validation("conversationId", "Informe a conversa das mensagens escolhidas.");
            }

            if ((request.TeamId ?? picked?.Conversation.TeamId) is not { } teamId || await queues.FindTeamAsync(teamId, cancellationToken) is null)
            {
                return Error.Validation("teamId", request.TeamId is null ? "Escolha o time que vai cuidar do chamado." : "Esse time não existe.");
            }

            if (await TicketRules.CheckAssigneeAsync(queues, request.AssigneeId, cancellationToken) is { } noSuchAgent)
            {
                return noSuchAgent;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var contact = picked?.Conversation.Contact;
            var ticket = new Ticket
            {
                Title = request.Title!.Trim(),
                Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
                Priority = request.Priority ?? TicketPriority.Normal,
                ContactId = contact?.Id,
                ContactName = contact?.Name,
                ContactPhone = contact?.Phone,
                ConversationId = request.ConversationId,
                TeamId = teamId,
                AssigneeId = request.AssigneeId,
                CreatedById = caller.UserId,
                CreatedByName = caller.DisplayName,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Add(ticket);
            db.Add(new TicketChange { TicketId = ticket.Id, Position = 1, At = now, ById = caller.UserId, ByName = caller.DisplayName, Field = "created", To = ticket.Title });
            foreach (var message in picked?.Messages ?? [])
            {
                db.Add(new TicketMessage { TicketId = ticket.Id, MessageId = message.Id, ConversationId = message.ConversationId, LinkedAt = now, LinkedById = caller.UserId });
            }

            // The counter's row lock gives out numbers one at a time and is held only until this ticket is saved.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var numbering = db.Set<TicketNumbering>().Where(n => n.Id == TicketNumbering.RowId);
            await numbering.ExecuteUpdateAsync(s => s.SetProperty(n => n.Last, n => n.Last + 1), cancellationToken);
            ticket.Number = await numbering.Select(n => n.Last).SingleAsync(cancellationToken);
            events.Raise(new TicketOpened(ticket.Id, ticket.Number, ticket.Title, ticket.ContactId, ticket.ConversationId, ticket.TeamId, caller.UserId, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return await views.ToDetailAsync(ticket, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/tickets", async Task<Results<Created<TicketDetail>, ProblemHttpResult>> (Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(request, ct)).ToHttp(t => TypedResults.Created($"/api/v1/tickets/{t.Ticket.Number}", t)))
        .WithName("OpenTicket")
        .WithSummary("Open a ticket, usually from messages picked in a conversation")
        .WithDescription(
            "With conversationId the conversation's contact is the requester and its team the ticket's team (unless teamId names " +
            "another); messageIds must be messages of that conversation. 404 conversation_not_found when the caller may not see it.")
        .WithTags("Tickets")
        .RequireAuthorization(Policies.Agent);
}
