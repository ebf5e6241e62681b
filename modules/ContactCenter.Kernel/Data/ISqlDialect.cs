using ContactCenter.Kernel.Realtime;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Kernel.Data;

/// <summary>
/// What the modules need from the database that EF Core's LINQ does not express the same way on every provider:
/// row locks, one lock across nodes, whether several writers may work at once, and how notices reach every node.
/// The host picks the implementation from <c>Database:Provider</c> (db/ContactCenter.Db.Sqlite,
/// db/ContactCenter.Db.Postgres; SQL Server is one more such project), so no module names a provider, branches on
/// one or writes provider SQL.
/// </summary>
public interface ISqlDialect
{
    /// <summary>
    /// True when several transactions may write at once (PostgreSQL): work is worth spreading over workers and nodes,
    /// which take disjoint rows through <see cref="LockRows{T}"/>. False (SQLite): the database has one writer at a
    /// time, so a caller keeps its own writers to one.
    /// </summary>
    bool ConcurrentWriters { get; }

    /// <summary>
    /// How committed notices travel to every node through the database, or null where one node is all there is
    /// (SQLite): then the committing node's hub gets them after the commit.
    /// </summary>
    INoticeBroadcast? NoticeBroadcast { get; }

    /// <summary>
    /// The rows <paramref name="query"/> returns, locked until the caller's transaction ends (<c>FOR UPDATE</c>):
    /// with <see cref="RowLock.SkipLocked"/> rows another transaction holds are left out instead of waited for, so
    /// concurrent claimers take disjoint rows. The query must read one table's entities (filter, order, take); where
    /// <see cref="ConcurrentWriters"/> is false it is returned as it is, the single writer already being exclusive.
    /// </summary>
    IQueryable<T> LockRows<T>(IQueryable<T> query, RowLock mode)
        where T : class;

    /// <summary>
    /// Takes the lock <paramref name="key"/> across every node for as long as the returned handle is not disposed
    /// (it may hold a transaction of <paramref name="db"/>, which should then do nothing else), or returns null at
    /// once when another node holds it. Where one node is all there is it always succeeds.
    /// </summary>
    Task<IAsyncDisposable?> TryLockAcrossNodesAsync(DbContext db, long key, CancellationToken cancellationToken);
}

/// <summary>How <see cref="ISqlDialect.LockRows{T}"/> treats rows another transaction has locked.</summary>
public enum RowLock
{
    /// <summary>Wait for the other transaction to end, then lock (one contact's messages one after the other).</summary>
    Wait,

    /// <summary>Leave those rows out (claims of due work: each claimer takes other rows).</summary>
    SkipLocked,
}
