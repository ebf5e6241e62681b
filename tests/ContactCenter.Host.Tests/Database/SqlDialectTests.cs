using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Database;

/// <summary>
/// The host's <see cref="ISqlDialect"/> does what the modules count on, on each database: on PostgreSQL and SQL Server
/// concurrent claimers take disjoint rows (skip locked), a waiting lock waits for the holder's commit, and only one node
/// holds the lock across nodes; on SQLite (one writer, one node) the queries are left as they are and the lock is always
/// this node's. Rows of the Kernel's own table stand in for any module's.
/// </summary>
public abstract class SqlDialectTests(DatabaseKind kind) : HostTest(kind)
{
    private const long Key = 0x7465737431; // any key no product code uses

    [Fact]
    public void The_host_picks_the_dialect_of_its_database()
    {
        var dialect = Host.Services.GetRequiredService<ISqlDialect>();

        Assert.Equal(ManyWriters, dialect.ConcurrentWriters);
        Assert.Equal(ManyWriters, dialect.NoticeBroadcast is not null);
    }

    [Fact]
    public async Task Skip_locked_claims_leave_out_the_rows_another_transaction_holds()
    {
        var ids = await AddKeysAsync(3);
        await using var first = Host.Services.CreateAsyncScope();
        var firstDb = Db(first);
        await using var firstTransaction = await firstDb.Database.BeginTransactionAsync();
        var firstClaim = await Dialect.LockRows(Keys(firstDb).OrderBy(k => k.Id).Take(2), RowLock.SkipLocked).ToListAsync();
        Assert.Equal(ids[..2], firstClaim.Select(k => k.Id));

        // Outside a transaction: on SQLite the first one holds the only write lock (a second would wait for it).
        await using var second = Host.Services.CreateAsyncScope();
        var secondClaim = await Dialect.LockRows(Keys(Db(second)).OrderBy(k => k.Id), RowLock.SkipLocked).ToListAsync();

        // SQLite: one writer, nothing to skip (the callers keep to one writer); PostgreSQL, SQL Server: only the free row.
        Assert.Equal(ManyWriters ? ids[2..] : ids, secondClaim.Select(k => k.Id));
    }

    /// <summary>PostgreSQL and SQL Server only (see the classes below): SQLite has one writer, so a second writer transaction could not even start.</summary>
    protected async Task A_waiting_lock_waits_for_the_holders_commit_core()
    {
        var id = (await AddKeysAsync(1))[0];
        await using var first = Host.Services.CreateAsyncScope();
        var firstDb = Db(first);
        await using var firstTransaction = await firstDb.Database.BeginTransactionAsync();
        var held = await Dialect.LockRows(Keys(firstDb).Where(k => k.Id == id), RowLock.Wait).SingleAsync();

        await using var second = Host.Services.CreateAsyncScope();
        var secondDb = Db(second);
        await using var secondTransaction = await secondDb.Database.BeginTransactionAsync();
        var waiting = Dialect.LockRows(Keys(secondDb).Where(k => k.Id == id), RowLock.Wait).SingleAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(waiting.IsCompleted);

        held.FriendlyName = "changed by the holder";
        await firstDb.SaveChangesAsync();
        await firstTransaction.CommitAsync();

        // Locked rows are read after the holder's commit: the waiter sees its change.
        Assert.Equal("changed by the holder", (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).FriendlyName);
    }

    [Fact]
    public async Task Only_one_holds_the_lock_across_nodes_until_it_lets_go()
    {
        await using var first = Host.Services.CreateAsyncScope();
        await using var second = Host.Services.CreateAsyncScope();
        await using var third = Host.Services.CreateAsyncScope();

        var held = await Dialect.TryLockAcrossNodesAsync(Db(first), Key, CancellationToken.None);
        Assert.NotNull(held);
        var meanwhile = await Dialect.TryLockAcrossNodesAsync(Db(second), Key, CancellationToken.None);

        // SQLite serves one node: the process's own semaphore (RoutingLock) is all the exclusion there is.
        Assert.Equal(ManyWriters, meanwhile is null);
        if (meanwhile is not null)
        {
            await meanwhile.DisposeAsync();
        }

        await held.DisposeAsync();
        var after = await Dialect.TryLockAcrossNodesAsync(Db(third), Key, CancellationToken.None);
        Assert.NotNull(after);
        await after.DisposeAsync();
    }

    private ISqlDialect Dialect => Host.Services.GetRequiredService<ISqlDialect>();

    // Databases with several writers and nodes; SQLite has one of each.
    private bool ManyWriters => Kind != DatabaseKind.Sqlite;

    private async Task<Guid[]> AddKeysAsync(int count)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = Db(scope);
        var keys = Enumerable.Range(0, count).Select(i => new DataProtectionKey { FriendlyName = $"test {i}", Xml = "<key/>" }).ToList();
        db.AddRange(keys);
        await db.SaveChangesAsync();
        return [.. keys.Select(k => k.Id).Order()];
    }

    // Only this test's rows: the host wrote its own Data Protection keys at start-up.
    private static IQueryable<DataProtectionKey> Keys(ContactCenterDbContext db) =>
        db.Set<DataProtectionKey>().Where(k => k.FriendlyName.StartsWith("test ") || k.FriendlyName == "changed by the holder");

    private static ContactCenterDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
}

public sealed class SqlDialectTestsOnSqlite() : SqlDialectTests(DatabaseKind.Sqlite);

public sealed class SqlDialectTestsOnPostgres() : SqlDialectTests(DatabaseKind.Postgres)
{
    [Fact]
    public Task A_waiting_lock_waits_for_the_holders_commit() => A_waiting_lock_waits_for_the_holders_commit_core();
}

public sealed class SqlDialectTestsOnSqlServer() : SqlDialectTests(DatabaseKind.SqlServer)
{
    [Fact]
    public Task A_waiting_lock_waits_for_the_holders_commit() => A_waiting_lock_waits_for_the_holders_commit_core();
}
