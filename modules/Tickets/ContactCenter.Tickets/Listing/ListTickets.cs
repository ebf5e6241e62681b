using System.Globalization;
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
/// The tickets the caller may see, newest first, narrowed by the list's filters; a number or words of the title in
/// <c>q</c>. Keyset pages: the cursor is the last number shown.
/// </summary>
internal static class ListTickets
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary><see cref="Assignee"/> is a user id or <c>me</c>; <see cref="Status"/> may list several (<c>open,pending</c>).</summary>
    internal sealed record Filter(string? Status, TicketPriority? Priority, Guid? TeamId, string? Assignee, Guid? ContactId, string? Q, string? Cursor, int? Limit);

    internal sealed class Handler(ContactCenterDbContext db, TicketVisibility visibility, TicketViews views, ICurrentUser caller)
    {
        public async Task<Result<TicketPage>> HandleAsync(Filter filter, CancellationToken cancellationToken)
        {
            var limit = filter.Limit ?? DefaultLimit;
            if (limit is < 1 or > MaxLimit)
            {
                return Error.Validation("limit", $"Peça entre 1 e {MaxLimit} chamados por página.");
            }

            var query = await visibility.ApplyAsync(db.Set<Ticket>().AsNoTracking(), cancellationToken);
            if (filter.Status is { Length: > 0 })
            {
                var statuses = new List<TicketStatus>();
                foreach (var name in filter.Status.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!Enum.TryParse<TicketStatus>(name, ignoreCase: true, out var status) || int.TryParse(name, out _))
                    {
                        return Error.Validation("status", "Use open, pending, solved ou closed (separados por vírgula).");
                    }

                    statuses.Add(status);
                }

                query = query.Where(t => statuses.Contains(t.Status));
            }

            if (filter.Assignee is { Length: > 0 } assignee)
            {
                Guid? assigneeId = assignee.Equals("me", StringComparison.OrdinalIgnoreCase) ? caller.UserId : Guid.TryParse(assignee, out var id) ? id : null;
                if (assigneeId is null)
                {
                    return Error.Validation("assignee", "Use o id de um atendente ou 'me'.");
                }

                query = query.Where(t => t.AssigneeId == assigneeId);
            }

            query = filter.Priority is { } priority ? query.Where(t => t.Priority == priority) : query;
            query = filter.TeamId is { } team ? query.Where(t => t.TeamId == team) : query;
            query = filter.ContactId is { } contact ? query.Where(t => t.ContactId == contact) : query;
            if (filter.Q?.Trim() is { Length: > 0 } q)
            {
                query = int.TryParse(q.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    ? query.Where(t => t.Number == number)
                    : query.Where(t => t.Title.ToLower().Contains(q.ToLower()));
            }

            if (filter.Cursor is { Length: > 0 })
            {
                if (!int.TryParse(filter.Cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var after))
                {
                    return Error.Validation("cursor", "O cursor não é um que esta API devolveu.");
                }

                query = query.Where(t => t.Number < after);
            }

            var tickets = await query.OrderByDescending(t => t.Number).Take(limit + 1).ToListAsync(cancellationToken);
            var page = tickets.Take(limit).ToList();
            var next = tickets.Count > limit ? page[^1].Number.ToString(CultureInfo.InvariantCulture) : null;
            return new TicketPage(await views.ToSummariesAsync(page, cancellationToken), next);
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/tickets", async Task<Results<Ok<TicketPage>, ProblemHttpResult>> (
                string? status, TicketPriority? priority, Guid? teamId, string? assignee, Guid? contactId, string? q, string? cursor, int? limit,
                Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new Filter(status, priority, teamId, assignee, contactId, q, cursor, limit), ct)).ToHttp(TypedResults.Ok))
        .WithName("ListTickets")
        .WithSummary("Tickets the caller may see, newest first")
        .WithDescription(
            "Agents and supervisors see their teams' tickets and those assigned to them; admins all. Filters: status (comma-separated), " +
            "priority, teamId, assignee (a user id or 'me'), contactId, q (a number, or words of the title).")
        .WithTags("Tickets")
        .RequireAuthorization(Policies.Agent);
}
