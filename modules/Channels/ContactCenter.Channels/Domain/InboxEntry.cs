namespace ContactCenter.Channels.Inbox;

/// <summary>
/// One authentic webhook request, stored raw before the provider gets its 200, so nothing is lost when
/// processing fails or the process dies. The processor turns it into events and marks it processed or failed.
/// </summary>
internal sealed class InboxEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ChannelAccountId { get; init; }

    public DateTime ReceivedAt { get; init; }

    /// <summary>The query string as received (with its leading '?'), or empty.</summary>
    public string Query { get; init; } = string.Empty;

    /// <summary>The request headers the plugin may need, as a JSON object (cookies and credentials left out).</summary>
    public string HeadersJson { get; init; } = "{}";

    /// <summary>The raw body bytes, exactly as signed.</summary>
    public byte[] Body { get; init; } = [];

    public InboxStatus Status { get; set; } = InboxStatus.Pending;

    public int Attempts { get; set; }

    /// <summary>When a pending row that failed for a passing reason may be tried again (null: now).</summary>
    public DateTime? NextAttemptAt { get; set; }

    public DateTime? ProcessedAt { get; set; }

    /// <summary>Why processing failed, for admins.</summary>
    public string? Error { get; set; }
}

internal enum InboxStatus
{
    Pending,
    Processed,
    Failed,
}

/// <summary>
/// An event key already handled for a channel account. Written in the same transaction as the event's effects,
/// and unique, so a replayed row or a provider's retry can never apply an event twice.
/// </summary>
internal sealed class ProcessedEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ChannelAccountId { get; init; }

    public required string IdempotencyKey { get; init; }

    public Guid InboxId { get; init; }

    public DateTime ProcessedAt { get; init; }
}
