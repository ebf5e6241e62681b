using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Channels.Outbound;

/// <summary>
/// Claims due rows for one sender: marks them <c>sending</c> with a lease and commits BEFORE any of them is
/// sent, so a second sender (another node) never takes a row while its lease runs. The due rows are locked with
/// skip-locked semantics (<see cref="ISqlDialect.LockRows{T}"/>: PostgreSQL's <c>FOR UPDATE SKIP LOCKED</c>), so
/// concurrent senders take disjoint rows without waiting; SQLite has one writer, which serializes the claims.
/// <para>
/// Two things are left unclaimed: rows of accounts at their rate limit (claiming them would only put them back),
/// and a message whose recipient still has an earlier message pending or being sent (by this node or another):
/// messages of one conversation go out in the order they were queued, so it waits for that one.
/// </para>
/// </summary>
internal sealed class OutboxClaims(
    ContactCenterDbContext db, ISqlDialect dialect, OutboundRateLimiter limiter, TimeProvider clock, OutboxOptions options)
{
    /// <summary>How long a message waits before looking again when an earlier one to its recipient is being sent.</summary>
    public static readonly TimeSpan BehindInFlight = TimeSpan.FromSeconds(1);

    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(string owner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var saturated = limiter.Saturated().Accounts.ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = db.Set<OutboxMessage>()
            .Where(m => (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending) && m.NextAttemptAt <= now)
            .Where(m => !saturated.Contains(m.ChannelAccountId))
            .OrderBy(m => m.Priority).ThenBy(m => m.NextAttemptAt).ThenBy(m => m.CreatedAt)
            .Take(options.BatchSize);
        var rows = await dialect.LockRows(due, RowLock.SkipLocked).ToListAsync(cancellationToken);
        var waiting = await WaitingBehindEarlierAsync(rows, now, cancellationToken);

        var leaseUntil = now + options.Lease;
        var claimed = new List<OutboxMessage>(rows.Count);
        foreach (var row in rows)
        {
            if (waiting.TryGetValue(row.Id, out var until))
            {
                row.NextAttemptAt = until;
                row.UpdatedAt = now;
                continue;
            }

            // A row still 'sending' here outlived its lease: its sender died mid-send, so it is tried again.
            row.Status = OutboxStatus.Sending;
            row.Attempts++;
            row.LeaseOwner = owner;
            row.LeaseUntil = leaseUntil;
            row.NextAttemptAt = leaseUntil;
            row.UpdatedAt = now;
            claimed.Add(row);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    /// <summary>
    /// The messages among <paramref name="rows"/> whose recipient has an earlier unfinished message outside them,
    /// with when to look again: when that one is due, or shortly when it is being sent. Read receipts
    /// (priority above 0) keep no order.
    /// </summary>
    private async Task<Dictionary<Guid, DateTime>> WaitingBehindEarlierAsync(
        List<OutboxMessage> rows, DateTime now, CancellationToken cancellationToken)
    {
        var messages = rows.Where(r => r.Priority == 0).ToList();
        if (messages.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToList();
        var accounts = messages.Select(r => r.ChannelAccountId).Distinct().ToList();
        var phones = messages.Select(r => r.RecipientPhone).OfType<string>().Distinct().ToList();
        var users = messages.Select(r => r.RecipientUserId).OfType<string>().Distinct().ToList();
        var others = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(o => o.Priority == 0 && (o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.Sending))
            .Where(o => accounts.Contains(o.ChannelAccountId) && !ids.Contains(o.Id))
            .Where(o => phones.Contains(o.RecipientPhone!) || users.Contains(o.RecipientUserId!))
            .Select(o => new { o.ChannelAccountId, o.RecipientPhone, o.RecipientUserId, o.Status, o.NextAttemptAt, o.CreatedAt })
            .ToListAsync(cancellationToken);

        var waiting = new Dictionary<Guid, DateTime>();
        foreach (var row in messages)
        {
            var earlier = others
                .Where(o => o.ChannelAccountId == row.ChannelAccountId && o.CreatedAt < row.CreatedAt
                    && o.RecipientPhone == row.RecipientPhone && o.RecipientUserId == row.RecipientUserId)
                .Select(o => o.Status == OutboxStatus.Pending && o.NextAttemptAt > now ? o.NextAttemptAt : now + BehindInFlight)
                .ToList();
            if (earlier.Count > 0)
            {
                waiting[row.Id] = earlier.Min();
            }
        }

        // Within the claimed rows, a later message of a waiting recipient waits too.
        foreach (var row in messages.Where(r => !waiting.ContainsKey(r.Id)))
        {
            var before = messages
                .Where(m => waiting.ContainsKey(m.Id) && m.ChannelAccountId == row.ChannelAccountId && m.CreatedAt < row.CreatedAt
                    && m.RecipientPhone == row.RecipientPhone && m.RecipientUserId == row.RecipientUserId)
                .Select(m => waiting[m.Id])
                .ToList();
            if (before.Count > 0)
            {
                waiting[row.Id] = before.Min();
            }
        }

        return waiting;
    }
}
