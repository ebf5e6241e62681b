using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Realtime;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Db.Sqlite;

/// <summary>
/// SQLite serves one node and lets one transaction write at a time: the callers keep to one writer, which already
/// makes every claim exclusive, so no row needs a lock; a lock "across nodes" is this node's alone; notices stay in
/// the process (the Kernel delivers them after the commit).
/// </summary>
internal sealed class SqliteDialect : ISqlDialect
{
    public static readonly SqliteDialect Instance = new();

    private SqliteDialect()
    {
    }

    public bool ConcurrentWriters => false;

    public INoticeBroadcast? NoticeBroadcast => null;

    public IQueryable<T> LockRows<T>(IQueryable<T> query, RowLock mode)
        where T : class => query;

    public Task<IAsyncDisposable?> TryLockAcrossNodesAsync(DbContext db, long key, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable?>(NoLock.Instance);

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
