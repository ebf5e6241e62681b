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

namespace ContactCenter.Tickets.Changes;

/// <summary>
/// Changes a ticket's status, priority, assignee, team, title or description; every field changed becomes a line of its
/// history, with who and when. A closed ticket is done for good: only a supervisor (or admin) reopens it.
/// </summary>
internal static class UpdateTicket
{
    /// <summary>Fields left out stay as they are; <see cref="Unassign"/> clears the assignee.</summary>
    internal sealed record Request(
        TicketStatus? Status, TicketPriority? Priority, Guid? AssigneeId, bool? Unassign, Guid? TeamId, string? Title, string? Description);

    internal sealed class Handler(
        ContactCenterDbContext db, TicketVisibility visibility, TicketViews views, IQueuesApi queues, IDomainEvents events, ICurrentUser caller, TimeProvider clock)
    {
        public async Task<Result<TicketDetail>> HandleAsync(int number, Request request, CancellationToken cancellationToken)
        {
            if (await visibility.FindAsync(number, tracked: true, cancellationToken) is not { } ticket)
            {
                return TicketRules.NotFound(number);
            }

            if (ticket.Status == TicketStatus.Closed && !caller.IsAtLeast(Role.Supervisor))
            {
                return TicketRules.Closed(number);
            }

            if (((request.Title is null ? null : TicketRules.CheckTitle(request.Title)) ?? TicketRules.CheckDescription(request.Description)) is { } invalid)
            {
                return invalid;
            }

            var names = await queues.LoadNamesAsync(cancellationToken);
            var (teams, people) = names;
            if (request.TeamId is { } team && !teams.ContainsKey(team))
            {
                return Error.Validation("teamId", "Esse time não existe.");
            }

            if (await TicketRules.CheckAssigneeAsync(queues, request.AssigneeId, cancellationToken) is { } noSuchAgent)
            {
                return noSuchAgent;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var position = await TicketHistory.LastPositionAsync(db, ticket.Id, cancellationToken);
            var changes = new List<TicketChange>();
            void Record(string field, string? from, string? to)
            {
                if (from != to)
                {
                    changes.Add(new TicketChange
                    {
                        TicketId = ticket.Id, Position = ++position, At = now, ById = caller.UserId, ByName = caller.DisplayName, Field = field, From = TicketRules.Cut(from), To = TicketRules.Cut(to),
                    });
                }
            }

            string? Person(Guid? id) => id is { } known ? people.GetValueOrDefault(known, known.ToString()) : null;
            var previousStatus = ticket.Status;
            if (request.Status is { } status)
            {
                Record("status", Wire(ticket.Status), Wire(status));
                ticket.Status = status;
            }

            if (request.Priority is { } priority)
            {
                Record("priority", Wire(ticket.Priority), Wire(priority));
                ticket.Priority = priority;
            }

            if (request.AssigneeId is not null || request.Unassign == true)
            {
                var assigneeId = request.Unassign == true ? null : request.AssigneeId;
                Record("assignee", Person(ticket.AssigneeId), Person(assigneeId));
                ticket.AssigneeId = assigneeId;
            }

            if (request.TeamId is { } teamId)
            {
                Record("team", teams.GetValueOrDefault(ticket.TeamId), teams.GetValueOrDefault(teamId));
                ticket.TeamId = teamId;
            }

            if (request.Title?.Trim() is { } title)
            {
                Record("title", ticket.Title, title);
                ticket.Title = title;
            }

            if (request.Description is { } description)
            {
                var text = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
                Record("description", ticket.Description, text);
                ticket.Description = text;
            }

            if (changes.Count > 0)
            {
                ticket.UpdatedAt = now;
                db.AddRange(changes);
                if (ticket.Status != previousStatus)
                {
                    events.Raise(new TicketStatusChanged(ticket.Id, ticket.Number, ticket.ContactId, previousStatus, ticket.Status, caller.UserId, now));
                }

                if (await TicketHistory.SaveAsync(db, number, cancellationToken) is { } meanwhile)
                {
                    return meanwhile;
                }
            }

            return await views.ToDetailAsync(ticket, cancellationToken, names);
        }

        private static string Wire<TEnum>(TEnum value)
            where TEnum : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPatch("/tickets/{number:int}", async Task<Results<Ok<TicketDetail>, ProblemHttpResult>> (int number, Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(number, request, ct)).ToHttp(TypedResults.Ok))
        .WithName("UpdateTicket")
        .WithSummary("Change a ticket's status, priority, assignee, team, title or description")
        .WithDescription("Each changed field is added to the ticket's history. 409 ticket_closed: only a supervisor reopens a closed ticket.")
        .WithTags("Tickets")
        .RequireAuthorization(Policies.Agent);
}
