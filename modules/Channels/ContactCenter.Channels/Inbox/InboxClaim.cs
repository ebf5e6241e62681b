using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Channels.Inbox;

/// <summary>Takes the next due pending rows for the caller's open transaction.</summary>
internal static class InboxClaim
{
    public static async Task<List<InboxEntry>> ClaimAsync(
        ContactCenterDbContext db, Guid? onlyId, DateTime now, int batchSize, CancellationToken cancellationToken)
    {
        if (!db.IsPostgres())
        {
            // SQLite has one writer: the process-wide lock in the processor already makes this batch exclusive.
            return await Due(db, onlyId, now).OrderBy(e => e.ReceivedAt).Take(batchSize).ToListAsync(cancellationToken);
        }

        // Row locks held until the commit; rows another worker or node holds are skipped, not waited for.
        var pending = nameof(InboxStatus.Pending);
        var ids = onlyId is { } id
            ? await db.Database.SqlQuery<Guid>($"""
                SELECT "Id" AS "Value" FROM "Channels_Inbox"
                WHERE "Id" = {id} AND "Status" = {pending}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken)
            : await db.Database.SqlQuery<Guid>($"""
                SELECT "Id" AS "Value" FROM "Channels_Inbox"
                WHERE "Status" = {pending} AND ("NextAttemptAt" IS NULL OR "NextAttemptAt" <= {now})
                ORDER BY "ReceivedAt"
                LIMIT {batchSize}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        return await db.Set<InboxEntry>().Where(e => ids.Contains(e.Id)).OrderBy(e => e.ReceivedAt).ToListAsync(cancellationToken);
    }

    public static Task<bool> AnyDueAsync(ContactCenterDbContext db, Guid? onlyId, DateTime now, CancellationToken cancellationToken) =>
        Due(db, onlyId, now).AnyAsync(cancellationToken);

    private static IQueryable<InboxEntry> Due(ContactCenterDbContext db, Guid? onlyId, DateTime now) => onlyId is { } id
        ? db.Set<InboxEntry>().Where(e => e.Id == id && e.Status == InboxStatus.Pending)
        : db.Set<InboxEntry>().Where(e => e.Status == InboxStatus.Pending && (e.NextAttemptAt == null || e.NextAttemptAt <= now));
}
