using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Channels.Outbound;

/// <summary>
/// Claims due rows for one sender: marks them <c>sending</c> with a lease and commits BEFORE any of them is
/// sent, so a second sender (another node) never takes a row while its lease runs. On PostgreSQL the due rows
/// are read with <c>FOR UPDATE SKIP LOCKED</c>, so concurrent senders take disjoint rows without waiting; on
/// SQLite (one node) the transaction is IMMEDIATE, which serializes claims.
/// </summary>
internal sealed class OutboxClaims(ContactCenterDbContext db, TimeProvider clock, OutboxOptions options)
{
    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(string owner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = db.IsPostgres()
            ? await db.Set<OutboxMessage>()
                .FromSqlInterpolated($"""
                    SELECT * FROM "Channels_Outbox"
                    WHERE "Status" IN ('Pending', 'Sending') AND "NextAttemptAt" <= {now}
                    ORDER BY "Priority", "NextAttemptAt"
                    LIMIT {options.BatchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(cancellationToken)
            : await db.Set<OutboxMessage>()
                .Where(m => (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending) && m.NextAttemptAt <= now)
                .OrderBy(m => m.Priority).ThenBy(m => m.NextAttemptAt)
                .Take(options.BatchSize)
                .ToListAsync(cancellationToken);

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
