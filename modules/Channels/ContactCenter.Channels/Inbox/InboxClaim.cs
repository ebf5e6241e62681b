using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Channels.Inbox;

/// <summary>Takes the next due pending rows for the caller's open transaction.</summary>
internal static class InboxClaim
{
    public static Task<List<InboxEntry>> ClaimAsync(
        ContactCenterDbContext db, ISqlDialect dialect, Guid? onlyId, DateTime now, int batchSize, CancellationToken cancellationToken)
    {
        // Row locks held until the commit; rows another worker or node holds are skipped, not waited for. Where the
        // database has one writer (SQLite) the process-wide write gate already makes this batch exclusive. Oldest
        // first, ties in id order: the order a contact's messages are applied in.
        var due = Due(db, onlyId, now).OrderBy(e => e.ReceivedAt).ThenBy(e => e.Id).Take(batchSize);
        return dialect.LockRows(due, RowLock.SkipLocked).ToListAsync(cancellationToken);
    }

    public static Task<bool> AnyDueAsync(ContactCenterDbContext db, Guid? onlyId, DateTime now, CancellationToken cancellationToken) =>
        Due(db, onlyId, now).AnyAsync(cancellationToken);

    private static IQueryable<InboxEntry> Due(ContactCenterDbContext db, Guid? onlyId, DateTime now) => onlyId is { } id
        ? db.Set<InboxEntry>().Where(e => e.Id == id && e.Status == InboxStatus.Pending)
        : db.Set<InboxEntry>().Where(e => e.Status == InboxStatus.Pending && (e.NextAttemptAt == null || e.NextAttemptAt <= now));
}
