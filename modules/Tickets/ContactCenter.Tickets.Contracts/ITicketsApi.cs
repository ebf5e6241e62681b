namespace ContactCenter.Tickets.Contracts;

/// <summary>What other modules may ask the Tickets module; every answer honours the caller's visibility.</summary>
public interface ITicketsApi
{
    /// <summary>
    /// The contact's tickets that still need someone (open or pending) and that the caller may see, newest first, at
    /// most <paramref name="limit"/> (1–200): the conversation's side panel shows them.
    /// </summary>
    Task<IReadOnlyList<TicketSummary>> ListOpenOfContactAsync(Guid contactId, int limit, CancellationToken cancellationToken);
}
