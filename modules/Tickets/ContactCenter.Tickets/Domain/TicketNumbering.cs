namespace ContactCenter.Tickets.Domain;

/// <summary>
/// The last ticket number given, in one row. Opening a ticket raises it by one inside its transaction, so the row lock
/// hands out numbers one at a time: reading the highest number and retrying on a clash lost to busy moments.
/// </summary>
internal sealed class TicketNumbering
{
    /// <summary>The only row.</summary>
    public const int RowId = 1;

    public int Id { get; init; } = RowId;

    public int Last { get; set; }
}
