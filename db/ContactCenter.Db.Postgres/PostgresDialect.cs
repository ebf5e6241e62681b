using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Realtime;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Db.Postgres;

/// <summary>
/// PostgreSQL lets several transactions and nodes write at once: row locks (<c>FOR UPDATE [SKIP LOCKED]</c>, added
/// by <see cref="RowLockInterceptor"/> to the queries tagged here), a transaction-scoped advisory lock across nodes,
/// and LISTEN/NOTIFY for notices.
/// </summary>
internal sealed class PostgresDialect : ISqlDialect
{
    public static readonly PostgresDialect Instance = new();

    private PostgresDialect()
    {
    }

    public bool ConcurrentWriters => true;

    public INoticeBroadcast? NoticeBroadcast => PostgresNoticeBroadcast.Instance;

    public IQueryable<T> LockRows<T>(IQueryable<T> query, RowLock mode)
        where T : class => query.TagWith(RowLockInterceptor.Tag(mode));

    public async Task<IAsyncDisposable?> TryLockAcrossNodesAsync(DbContext db, long key, CancellationToken cancellationToken)
    {
        // Held by a transaction of its own: ending it releases the lock, and so does this node dying.
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var held = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({key}) AS \"Value\"").ToListAsync(cancellationToken);
            if (held[0])
            {
                return transaction;
            }

            await transaction.DisposeAsync();
            return null;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }
}
