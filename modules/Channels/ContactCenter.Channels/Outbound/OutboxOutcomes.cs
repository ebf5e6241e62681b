using System.Globalization;
using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Channels.Metrics;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Outbound;

/// <summary>
/// Writes the verdicts of sent rows and raises their events, handled and saved in one unit of work: many rows cost
/// one read of the rows, one save and the handlers' batch reads (see <see cref="IEventBatchPreparer{TEvent}"/>), not a
/// few statements each. Only rows this sender still holds (status <c>sending</c>, its lease) are written.
/// </summary>
internal sealed class OutboxOutcomes(ContactCenterDbContext db, IDomainEvents events, ChannelMetrics metrics, TimeProvider clock, ILogger<OutboxOutcomes> logger)
{
    /// <summary>
    /// Writes <paramref name="verdicts"/> in one save. If that save fails the caller writes them again one by one
    /// (<see cref="OutboxOutcomeWriter"/>), so one row whose reaction fails cannot hold back the others' outcomes.
    /// Accepted rows are final: no claim ever selects them again. When a single accepted row's reaction fails, the
    /// row is still saved as accepted without that reaction's changes: leaving it 'sending' would send it twice.
    /// </summary>
    public async Task WriteAsync(IReadOnlyList<OutboxVerdict> verdicts, string owner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = verdicts.Select(v => v.RowId).Distinct().ToList();
        var rows = await db.Set<OutboxMessage>()
            .Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Sending && m.LeaseOwner == owner)
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        var accepted = new List<OutboxMessage>();
        var failed = new List<OutboxMessage>();
        foreach (var verdict in verdicts)
        {
            if (!rows.TryGetValue(verdict.RowId, out var row))
            {
                if (verdict.Called)
                {
                    logger.LogWarning("Outbox row {OutboxId} was sent but its lease had passed to another sender; its outcome is that sender's", verdict.RowId);
                }

                continue;
            }

            switch (verdict)
            {
                case OutboxAccepted ok:
                    Accept(row, ok.ProviderMessageId, now);
                    accepted.Add(row);
                    break;
                case OutboxFailed failure:
                    Fail(row, failure.Kind, failure.Code, failure.Text, failure.ReasonCode, now);
                    failed.Add(row);
                    break;
                case OutboxRescheduled later:
                    Reschedule(row, later, now);
                    break;
                case OutboxReleased:
                    Release(row, now);
                    break;
            }
        }

        if (verdicts.Count == 1 && accepted.Count == 1)
        {
            await SaveAcceptedAsync(accepted[0], now, cancellationToken);
        }
        else
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var row in accepted)
        {
            await metrics.SentAsync(db, row.ChannelAccountId, cancellationToken);
        }

        foreach (var row in failed)
        {
            await metrics.FailedAsync(db, row.ChannelAccountId, row.ReasonCode!, cancellationToken);
        }
    }

    private void Accept(OutboxMessage row, string? providerMessageId, DateTime now)
    {
        row.Status = OutboxStatus.Accepted;
        row.ProviderMessageId = OutboxDelivery.Trim(providerMessageId, 200);
        row.ReasonCode = null;
        EndLease(row, now);
        events.Raise(new OutboundMessageAccepted(row.HostMessageId, row.ProviderMessageId, now));
    }

    private void Fail(OutboxMessage row, OutboundFailureKind kind, string? code, string? text, string reasonCode, DateTime now)
    {
        row.Status = OutboxStatus.Failed;
        row.LastErrorKind = kind.ToString();
        row.LastErrorCode = OutboxDelivery.Trim(code, 100);
        row.LastErrorText = OutboxDelivery.Trim(text, 2000);
        row.ReasonCode = reasonCode;
        EndLease(row, now);
        events.Raise(
            new OutboundMessageFailed(row.HostMessageId, kind, row.LastErrorCode, row.LastErrorText, reasonCode,
                OutboundReasons.Describe(reasonCode, CultureInfo.InvariantCulture), now));
    }

    private static void Reschedule(OutboxMessage row, OutboxRescheduled later, DateTime now)
    {
        if (later.NotAnAttempt)
        {
            row.Attempts--; // waiting for our own rate limit is no attempt
        }
        else
        {
            row.LastErrorKind = later.Kind?.ToString();
            row.LastErrorCode = OutboxDelivery.Trim(later.Code, 100);
            row.LastErrorText = OutboxDelivery.Trim(later.Text, 2000);
        }

        row.Status = OutboxStatus.Pending;
        row.NextAttemptAt = later.At;
        EndLease(row, now);
    }

    /// <summary>
    /// Back unsent (not an attempt), due at once: it was behind a message to the same recipient that is not out yet
    /// (the next claim keeps it waiting for that one), or its lease had too little time left for a send.
    /// </summary>
    private static void Release(OutboxMessage row, DateTime now)
    {
        row.Status = OutboxStatus.Pending;
        row.Attempts--;
        row.NextAttemptAt = now;
        EndLease(row, now);
    }

    private async Task SaveAcceptedAsync(OutboxMessage row, DateTime now, CancellationToken cancellationToken)
    {
        try
        {
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
    }

    private static void EndLease(OutboxMessage row, DateTime now)
    {
        row.LeaseOwner = null;
        row.LeaseUntil = null;
        row.UpdatedAt = now;
    }
}
