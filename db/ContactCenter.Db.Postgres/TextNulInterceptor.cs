using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactCenter.Db.Postgres;

/// <summary>
/// PostgreSQL's <c>text</c> cannot hold the NUL character (U+0000): a parameter carrying one fails the whole statement
/// ("invalid byte sequence for encoding UTF8: 0x00"), and with it the transaction — a webhook whose message text or
/// contact name has a NUL (JSON allows <c>\u0000</c>) would never be stored, and an API query with <c>%00</c> would be a
/// server error. Every parameter the product sends goes through here and has its NULs replaced by U+FFFD, the character
/// that stands for "something unreadable was here".
/// <para>
/// Why at this layer: it is this database's limitation (SQLite and SQL Server keep NUL), and it covers every path —
/// webhooks of any plugin, the API, the seeders — and both sides of a comparison: a provider's message id with a NUL
/// is stored and looked up as the same text, so a retried webhook is still recognised. Plugins (third-party code) and
/// modules stay unaware of what one database cannot store.
/// </para>
/// </summary>
internal sealed class TextNulInterceptor : DbCommandInterceptor
{
    public static readonly TextNulInterceptor Instance = new();

    /// <summary>What a NUL becomes: U+FFFD REPLACEMENT CHARACTER.</summary>
    public const char Replacement = '\uFFFD';

    private TextNulInterceptor()
    {
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Replace(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Replace(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Replace(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Replace(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Replace(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Replace(command);
        return ValueTask.FromResult(result);
    }

    private static void Replace(DbCommand command)
    {
        foreach (DbParameter parameter in command.Parameters)
        {
            switch (parameter.Value)
            {
                case string text when text.Contains('\0', StringComparison.Ordinal):
                    parameter.Value = text.Replace('\0', Replacement);
                    break;

                // A list compared in SQL (Contains in LINQ is "= ANY (@list)" here): its items as the stored text.
                case IEnumerable<string?> texts when texts.Any(t => t is not null && t.Contains('\0', StringComparison.Ordinal)):
                    parameter.Value = texts.Select(t => t?.Replace('\0', Replacement)).ToArray();
                    break;
            }
        }
    }
}
