using ContactCenter.Kernel.Data;
using ContactCenter.Queues.Contracts;
using ContactCenter.Tickets.Contracts;
using ContactCenter.Tickets.Domain;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tickets;

/// <summary>Tickets as the API shows them: with team and assignee names (read once from Queues) and their message counts.</summary>
internal sealed class TicketViews(ContactCenterDbContext db, IQueuesApi queues)
{
    /// <param name="names">Team and people names when the caller has just read them (not read twice).</param>
    public async Task<List<TicketSummary>> ToSummariesAsync(IReadOnlyList<Ticket> tickets, CancellationToken cancellationToken, TeamNames? names = null)
    {
        var ids = tickets.Select(t => t.Id).ToList();
        var counts = await db.Set<TicketMessage>().AsNoTracking()
            .Where(m => ids.Contains(m.TicketId))
            .GroupBy(m => m.TicketId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var (teams, people) = names ?? await queues.LoadNamesAsync(cancellationToken);
        return [.. tickets.Select(t => new TicketSummary(
            t.Id,
            t.Number,
            t.Title,
            t.Status,
            t.Priority,
            t.ContactId is { } contact ? new TicketRequester(contact, t.ContactName, t.ContactPhone) : null,
            t.AssigneeId,
            t.AssigneeId is { } a ? people.GetValueOrDefault(a) : null,
            t.TeamId,
            teams.GetValueOrDefault(t.TeamId),
            counts.GetValueOrDefault(t.Id),
            t.CreatedAt,
            t.UpdatedAt))];
    }

    public async Task<TicketDetail> ToDetailAsync(Ticket ticket, CancellationToken cancellationToken, TeamNames? names = null)
    {
        var summary = (await ToSummariesAsync([ticket], cancellationToken, names))[0];
        var history = await db.Set<TicketChange>().AsNoTracking()
            .Where(c => c.TicketId == ticket.Id)
            .OrderBy(c => c.Position)
            .Select(c => new TicketChangeDto(c.At, c.ById, c.ByName, c.Field, c.From, c.To))
            .ToListAsync(cancellationToken);
        return new TicketDetail(summary, ticket.Description, ticket.ConversationId, ticket.CreatedById, ticket.CreatedByName, history);
    }
}
