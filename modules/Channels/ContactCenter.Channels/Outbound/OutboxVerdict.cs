using ContactCenter.Channels.Contracts.Outbound;

namespace ContactCenter.Channels.Outbound;

/// <summary>
/// What the sender decided for one claimed row, kept in memory until <see cref="OutboxOutcomes.WriteAsync"/> writes
/// it together with the verdicts that came in meanwhile (one save for many sends instead of one each).
/// </summary>
/// <param name="RowId">The outbox row.</param>
/// <param name="Called">The provider was called for it.</param>
internal abstract record OutboxVerdict(Guid RowId, bool Called)
{
    /// <summary>The row is accepted or failed for good; false when it waits for a later try (or goes back unsent).</summary>
    public bool Settled => this is OutboxAccepted or OutboxFailed;
}

/// <summary>The provider took the message.</summary>
internal sealed record OutboxAccepted(Guid RowId, string? ProviderMessageId) : OutboxVerdict(RowId, true);

/// <summary>Given up for good, with the reason admins and agents see.</summary>
internal sealed record OutboxFailed(Guid RowId, bool Called, OutboundFailureKind Kind, string? Code, string? Text, string ReasonCode)
    : OutboxVerdict(RowId, Called);

/// <summary>
/// Tried again at <paramref name="At"/>. <paramref name="NotAnAttempt"/>: it waited for our own rate limit and was not
/// sent; otherwise the provider's failure is kept as the row's last error.
/// </summary>
internal sealed record OutboxRescheduled(Guid RowId, bool Called, DateTime At, bool NotAnAttempt, OutboundFailureKind? Kind = null, string? Code = null, string? Text = null)
    : OutboxVerdict(RowId, Called);

/// <summary>Given back unsent and due at once (not an attempt): the next claim decides again whether it may go.</summary>
internal sealed record OutboxReleased(Guid RowId) : OutboxVerdict(RowId, false);
