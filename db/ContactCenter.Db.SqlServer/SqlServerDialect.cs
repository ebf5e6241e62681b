using System.Data;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Realtime;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ContactCenter.Db.SqlServer;

/// <summary>
/// SQL Server lets several transactions and nodes write at once, like PostgreSQL: row locks through table hints
/// (<c>UPDLOCK, ROWLOCK</c>, plus <c>READPAST</c> to skip rows another claimer holds — what PostgreSQL says with
/// <c>FOR UPDATE SKIP LOCKED</c>), added by <see cref="TableHintInterceptor"/> to the queries tagged here; an
/// application lock owned by a transaction across nodes (<c>sp_getapplock</c>); and a polled notices table between
/// nodes (<see cref="SqlServerNoticeBroadcast"/>).
/// </summary>
internal sealed class SqlServerDialect : ISqlDialect
{
    public static readonly SqlServerDialect Instance = new();

    private SqlServerDialect()
    {
    }

    public bool ConcurrentWriters => true;

    public INoticeBroadcast? NoticeBroadcast => SqlServerNoticeBroadcast.Instance;

    public IQueryable<T> LockRows<T>(IQueryable<T> query, RowLock mode)
        where T : class => query.TagWith(TableHintInterceptor.Tag(mode));

    public async Task<IAsyncDisposable?> TryLockAcrossNodesAsync(DbContext db, long key, CancellationToken cancellationToken)
    {
        // Owned by a transaction of its own: ending it releases the lock, and so does this node's connection dying.
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            if (await TryGetAppLockAsync(transaction, key, cancellationToken))
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

    /// <summary><c>sp_getapplock</c> with no wait: 0 (granted) or 1 (granted after waiting) hold it; -1 is "taken".</summary>
    internal static string AppLockSql =>
        "DECLARE @result int; "
        + "EXEC @result = sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 0; "
        + "SELECT @result;";

    /// <summary>The lock's name: one namespace with the numeric keys PostgreSQL's advisory locks take.</summary>
    internal static string ResourceName(long key) => "ContactCenter:" + key.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<bool> TryGetAppLockAsync(IDbContextTransaction transaction, long key, CancellationToken cancellationToken)
    {
        var dbTransaction = transaction.GetDbTransaction();
        await using var command = dbTransaction.Connection!.CreateCommand();
        command.Transaction = dbTransaction;
        command.CommandText = AppLockSql;
        command.Parameters.Add(new SqlParameter("@resource", SqlDbType.NVarChar, 255) { Value = ResourceName(key) });
        var result = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        return result >= 0;
    }
}
