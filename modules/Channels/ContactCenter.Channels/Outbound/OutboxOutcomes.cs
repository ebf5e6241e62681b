using System.Globalization;
using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Channels.Metrics;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Outbound;

/// <summary>Writes a row's outcome and raises its event, handled and saved in the same unit of work.</summary>
internal sealed class OutboxOutcomes(ContactCenterDbContext db, IDomainEvents events, ChannelMetrics metrics, TimeProvider clock, ILogger<OutboxOutcomes> logger)
{
    /// <summary>
    /// Accepted rows are final: no claim ever selects them again. If a reaction to the event fails, the row is
    /// still saved as accepted without that reaction's changes: leaving it 'sending' would send it twice.
    /// </summary>
    public async Task AcceptAsync(OutboxMessage row, string? providerMessageId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        row.Status = OutboxStatus.Accepted;
        row.ProviderMessageId = OutboxDelivery.Trim(providerMessageId, 200);
        row.ReasonCode = null;
        EndLease(row, now);
        try
        {
            events.Raise(new OutboundMessageAccepted(row.HostMessageId, row.ProviderMessageId, now));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Reacting to the acceptance of outbox row {OutboxId} failed; it is recorded as accepted anyway", row.Id);
            db.ChangeTracker.Clear();
            await db.Set<OutboxMessage>().Where(m => m.Id == row.Id).ExecuteUpdateAsync(
                u => u.SetProperty(m => m.Status, OutboxStatus.Accepted)
                    .SetProperty(m => m.ProviderMessageId, row.ProviderMessageId)
                    .SetProperty(m => m.ReasonCode, (string?)null)
                    .SetProperty(m => m.LeaseOwner, (string?)null)
                    .SetProperty(m => m.LeaseUntil, (DateTime?)null)
                    .SetProperty(m => m.UpdatedAt, now),
                cancellationToken);
        }

        await metrics.SentAsync(db, row.ChannelAccountId, cancellationToken);
    }

    public async Task FailAsync(
        OutboxMessage row, OutboundFailureKind kind, string? code, string? text, string reasonCode, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        row.Status = OutboxStatus.Failed;
        row.LastErrorKind = kind.ToString();
        row.LastErrorCode = OutboxDelivery.Trim(code, 100);
        row.LastErrorText = OutboxDelivery.Trim(text, 2000);
        row.ReasonCode = reasonCode;
        EndLease(row, now);
        events.Raise(
            new OutboundMessageFailed(row.HostMessageId, kind, row.LastErrorCode, row.LastErrorText, reasonCode,
                OutboundReasons.Describe(reasonCode, CultureInfo.InvariantCulture), now));
        await db.SaveChangesAsync(cancellationToken);
        await metrics.FailedAsync(db, row.ChannelAccountId, reasonCode, cancellationToken);
    }

    public async Task RescheduleAsync(OutboxMessage row, DateTime at, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        row.Status = OutboxStatus.Pending;
        EndLease(row, now);
        row.NextAttemptAt = at;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Gives claimed rows back unsent (not an attempt), due at once: they were behind a message to the same recipient
    /// that is not out yet, and the next claim keeps them waiting for it.
    /// </summary>
    public async Task ReleaseAsync(IReadOnlyCollection<Guid> ids, string owner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<OutboxMessage>()
            .Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Sending && m.LeaseOwner == owner)
            .ExecuteUpdateAsync(
                u => u.SetProperty(m => m.Status, OutboxStatus.Pending)
                    .SetProperty(m => m.Attempts, m => m.Attempts - 1)
                    .SetProperty(m => m.NextAttemptAt, now)
                    .SetProperty(m => m.LeaseOwner, (string?)null)
                    .SetProperty(m => m.LeaseUntil, (DateTime?)null)
                    .SetProperty(m => m.UpdatedAt, now),
                cancellationToken);
    }

    private static void EndLease(OutboxMessage row, DateTime now)
    {
        row.LeaseOwner = null;
        row.LeaseUntil = null;
        row.UpdatedAt = now;
    }
}
