using System.Data.Common;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactCenter.Db.Postgres;

/// <summary>
/// Ends the SQL of a query tagged by <see cref="PostgresDialect.LockRows{T}"/> with its locking clause. EF Core
/// writes a tag as a leading <c>-- </c> comment line and has no LINQ for <c>FOR UPDATE</c>; the clause goes after
/// <c>ORDER BY ... LIMIT</c>, which is where PostgreSQL wants it.
/// </summary>
internal sealed class RowLockInterceptor : DbCommandInterceptor
{
    public static readonly RowLockInterceptor Instance = new();

    private const string WaitTag = "ContactCenter: lock rows (FOR UPDATE)";
    private const string SkipLockedTag = "ContactCenter: lock rows (FOR UPDATE SKIP LOCKED)";

    private RowLockInterceptor()
    {
    }

    public static string Tag(RowLock mode) => mode == RowLock.SkipLocked ? SkipLockedTag : WaitTag;

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        AppendLockingClause(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        AppendLockingClause(command);
        return ValueTask.FromResult(result);
    }

    private static void AppendLockingClause(DbCommand command)
    {
        if (!command.CommandText.StartsWith("-- ", StringComparison.Ordinal))
        {
            return;
        }

        // Tags come first, one comment line each (neither tag is a prefix of the other: they differ before the ")").
        if (command.CommandText.Contains("-- " + SkipLockedTag, StringComparison.Ordinal))
        {
            command.CommandText = command.CommandText.TrimEnd().TrimEnd(';') + "\nFOR UPDATE SKIP LOCKED";
        }
        else if (command.CommandText.Contains("-- " + WaitTag, StringComparison.Ordinal))
        {
            command.CommandText = command.CommandText.TrimEnd().TrimEnd(';') + "\nFOR UPDATE";
        }
    }
}
