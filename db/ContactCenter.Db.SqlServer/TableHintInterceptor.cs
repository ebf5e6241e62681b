using System.Data.Common;
using System.Text.RegularExpressions;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactCenter.Db.SqlServer;

/// <summary>
/// Puts the locking table hints into the SQL of a query tagged by <see cref="SqlServerDialect.LockRows{T}"/>. EF Core
/// writes a tag as a leading <c>-- </c> comment line and has no LINQ for table hints; SQL Server wants them right
/// after the table in the <c>FROM</c> clause (<c>FROM [T] AS [t] WITH (UPDLOCK, ROWLOCK, READPAST)</c>). The locked
/// query reads one table's entities, so the first table named after <c>FROM</c> is the one to lock.
/// </summary>
internal sealed partial class TableHintInterceptor : DbCommandInterceptor
{
    public static readonly TableHintInterceptor Instance = new();

    /// <summary>Locks each row read until the transaction ends, waiting for a holder.</summary>
    public const string WaitHints = "WITH (UPDLOCK, ROWLOCK)";

    /// <summary>Locks each row read until the transaction ends, leaving out rows another transaction holds.</summary>
    public const string SkipLockedHints = "WITH (UPDLOCK, ROWLOCK, READPAST)";

    private const string WaitTag = "ContactCenter: lock rows (UPDLOCK)";
    private const string SkipLockedTag = "ContactCenter: lock rows (UPDLOCK READPAST)";

    private TableHintInterceptor()
    {
    }

    public static string Tag(RowLock mode) => mode == RowLock.SkipLocked ? SkipLockedTag : WaitTag;

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        command.CommandText = AddHints(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        command.CommandText = AddHints(command.CommandText);
        return ValueTask.FromResult(result);
    }

    /// <summary>The SQL with the hints of its tag after its first table, or as it is when it carries no tag of ours.</summary>
    internal static string AddHints(string sql)
    {
        if (!sql.StartsWith("-- ", StringComparison.Ordinal))
        {
            return sql;
        }

        // Neither tag is a prefix of the other: they differ before the ")".
        var hints = sql.Contains("-- " + SkipLockedTag, StringComparison.Ordinal) ? SkipLockedHints
            : sql.Contains("-- " + WaitTag, StringComparison.Ordinal) ? WaitHints
            : null;
        if (hints is null)
        {
            return sql;
        }

        var table = FirstTable().Match(sql);
        if (!table.Success)
        {
            throw new InvalidOperationException("A locked query must read one table's rows; no table follows FROM in: " + sql);
        }

        return sql.Insert(table.Index + table.Length, " " + hints);
    }

    // FROM [schema].[Table] AS [alias] — EF always aliases tables; a derived table "FROM (" is not a match.
    [GeneratedRegex(@"\bFROM\s+(?:\[[^\]]+\]\.)?\[[^\]]+\]\s+AS\s+\[[^\]]+\]", RegexOptions.CultureInvariant)]
    private static partial Regex FirstTable();
}
