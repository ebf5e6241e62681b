using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactCenter.Db.Sqlite;

/// <summary>
/// Lets SQLite itself wait for the write lock (<c>PRAGMA busy_timeout</c>) on every connection the context opens.
/// Without it Microsoft.Data.Sqlite retries a busy statement after sleeping 150 ms each time, so a webhook commit
/// that meets the inbox processor's transaction waits in steps of 150 ms — the seconds of p99 acknowledgement
/// latency bench/README.md measured. SQLite's own handler retries after 1, 2, 5, 10 … ms instead.
/// </summary>
internal sealed class SqliteBusyTimeout(TimeSpan timeout) : DbConnectionInterceptor
{
    private readonly string _pragma = $"PRAGMA busy_timeout = {(int)timeout.TotalMilliseconds};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
