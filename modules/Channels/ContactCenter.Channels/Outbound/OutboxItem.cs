using System.Globalization;
using ContactCenter.Channels.Contracts.Outbound;

namespace ContactCenter.Channels.Outbound;

/// <summary>An outbox row as admins see it; <see cref="Reason"/> is the plain words in the caller's language.</summary>
internal sealed record OutboxItem(
    Guid Id,
    Guid HostMessageId,
    Guid ChannelAccountId,
    string? Recipient,
    string ContentType,
    OutboxStatus Status,
    int Attempts,
    DateTime NextAttemptAt,
    string? ProviderMessageId,
    OutboundFailureKind? ErrorKind,
    string? ErrorCode,
    string? ErrorText,
    string? ReasonCode,
    string? Reason,
    bool Retryable,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static OutboxItem From(OutboxMessage row)
    {
        OutboundFailureKind? kind = Enum.TryParse<OutboundFailureKind>(row.LastErrorKind, out var parsed) ? parsed : null;
        return new OutboxItem(
            row.Id,
            row.HostMessageId,
            row.ChannelAccountId,
            row.RecipientPhone ?? row.RecipientUserId,
            row.ContentType,
            row.Status,
            row.Attempts,
            row.NextAttemptAt,
            row.ProviderMessageId,
            kind,
            row.LastErrorCode,
            row.LastErrorText,
            row.ReasonCode,
            row.ReasonCode is { } code ? OutboundReasons.Describe(code, CultureInfo.CurrentUICulture) : null,
            IsRetryable(row),
            row.CreatedAt,
            row.UpdatedAt);
    }

    /// <summary>Only failures that a later try may cure can be retried by hand (not a closed window or a bad number).</summary>
    public static bool IsRetryable(OutboxMessage row) =>
        row.Status == OutboxStatus.Failed
        && row.LastErrorKind is nameof(OutboundFailureKind.Retryable) or nameof(OutboundFailureKind.RateLimited);
}
