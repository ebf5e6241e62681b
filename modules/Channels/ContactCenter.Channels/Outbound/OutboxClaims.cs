using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Channels.Outbound;

/// <summary>
/// Claims due rows for one sender: marks them <c>sending</c> with a lease and commits BEFORE any of them is
/// sent, so a second sender (another node) never takes a row while its lease runs. The due rows are locked with
/// skip-locked semantics (<see cref="ISqlDialect.LockRows{T}"/>: PostgreSQL's <c>FOR UPDATE SKIP LOCKED</c>), so
/// concurrent senders take disjoint rows without waiting; SQLite has one writer, which serializes the claims.
/// </summary>
internal sealed class OutboxClaims(ContactCenterDbContext db, ISqlDialect dialect, TimeProvider clock, OutboxOptions options)
{
    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(string owner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = db.Set<OutboxMessage>()
            .Where(m => (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending) && m.NextAttemptAt <= now)
            .OrderBy(m => m.Priority).ThenBy(m => m.NextAttemptAt)
            .Take(options.BatchSize);
        var rows = await dialect.LockRows(due, RowLock.SkipLocked).ToListAsync(cancellationToken);

        var leaseUntil = now + options.Lease;
        foreach (var row in rows)
        {
            // A row still 'sending' here outlived its lease: its sender died mid-send, so it is tried again.
            row.Status = OutboxStatus.Sending;
            row.Attempts++;
            row.LeaseOwner = owner;
            row.LeaseUntil = leaseUntil;
            row.NextAttemptAt = leaseUntil;
            row.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }
}
