using ContactCenter.Tickets.Contracts;
using ContactCenter.Tickets.Listing;

namespace ContactCenter.Tickets;

/// <summary>The facade other modules call: the list's own filters and visibility, nothing of its own.</summary>
internal sealed class TicketsApi(ListTickets.Handler list) : ITicketsApi
{
    public async Task<IReadOnlyList<TicketSummary>> ListOpenOfContactAsync(Guid contactId, int limit, CancellationToken cancellationToken)
    {
        var page = await list.HandleAsync(
            new ListTickets.Filter("open,pending", Priority: null, TeamId: null, Assignee: null, contactId, Q: null, Cursor: null, Math.Clamp(limit, 1, ListTickets.MaxLimit)),
            cancellationToken);
        return page.Value?.Items ?? [];
    }
}
