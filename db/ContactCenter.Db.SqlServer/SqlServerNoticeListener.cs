using ContactCenter.Kernel.Realtime;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Db.SqlServer;

/// <summary>
/// One poller per node on SQL Server: every <see cref="PollInterval"/> it reads the notices committed since its last
/// read (<see cref="SqlServerNoticeBroadcast"/>) and hands them to its own hub; now and then it deletes notices every
/// node has had time to read. It starts from the table's present end before the host reports started, so nothing
/// committed after start-up is missed; if the database is unreachable it retries (notices committed meanwhile are
/// still read, as long as they are younger than <see cref="KeepFor"/>).
/// </summary>
internal sealed class SqlServerNoticeListener(string connectionString, INoticeReceiver receiver, ILogger<SqlServerNoticeListener> logger)
    : IHostedService, IAsyncDisposable
{
    /// <summary>How long a notice may take to reach another node's screens, at most (plus the read itself).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>How long notices stay for nodes to read: far longer than a poll, short enough to keep the table small.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(5);

    // Rows below MIN_ACTIVE_ROWVERSION() are committed (or rolled back, and then gone): reading up to it, and from
    // there next time, never skips a row whose transaction commits late.
    internal const string ReadSql = $"""
        DECLARE @upto binary(8) = MIN_ACTIVE_ROWVERSION();
        SELECT CAST(@upto AS bigint);
        SELECT [Payload] FROM [dbo].[{SqlServerNoticeBroadcast.Table}]
        WHERE [Version] >= CAST(@from AS binary(8)) AND [Version] < @upto
        ORDER BY [Version];
        """;

    internal const string StartSql = "SELECT CAST(MIN_ACTIVE_ROWVERSION() AS bigint);";

    internal const string CleanUpSql =
        $"DELETE TOP (1000) FROM [dbo].[{SqlServerNoticeBroadcast.Table}] WHERE [CreatedAt] < DATEADD(second, -@keepSeconds, SYSUTCDATETIME());";

    // Polling is the transport's own rhythm, not product time: the injected TimeProvider may be a clock tests hold
    // still, and notices must flow all the same.
    private static readonly TimeProvider Wall = TimeProvider.System;

    private readonly CancellationTokenSource _stopping = new();
    private long? _from;
    private Task _loop = Task.CompletedTask;
    private int _cancelled;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await StartFromPresentEndAsync(cancellationToken);
        }
        catch (SqlException e)
        {
            logger.LogWarning(e, "Could not read notices yet; retrying in the background");
        }

        _loop = RunAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await CancelOnceAsync();
        try
        {
            await _loop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CancelOnceAsync();
        _stopping.Dispose();
    }

    // The host may stop this service again after the container disposed it: only the first stop or dispose cancels.
    private Task CancelOnceAsync() =>
        Interlocked.Exchange(ref _cancelled, 1) == 0 ? _stopping.CancelAsync() : Task.CompletedTask;

    private async Task StartFromPresentEndAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var create = new SqlCommand(SqlServerNoticeBroadcast.CreateTableSql, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var start = new SqlCommand(StartSql, connection);
        _from = Convert.ToInt64(await start.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var polls = 0;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(PollInterval, Wall, stopping);
                if (_from is null)
                {
                    await StartFromPresentEndAsync(stopping);
                    continue;
                }

                await ReadAsync(cleanUp: ++polls % 240 == 0, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is SqlException or InvalidOperationException or TimeoutException)
            {
                logger.LogWarning(e, "Reading notices failed; retrying");
            }
        }
    }

    private async Task ReadAsync(bool cleanUp, CancellationToken stopping)
    {
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync(stopping);
        var payloads = new List<string>();
        long upto;
        await using (var read = new SqlCommand(ReadSql, connection))
        {
            read.Parameters.AddWithValue("@from", _from!.Value);
            await using var reader = await read.ExecuteReaderAsync(stopping);
            await reader.ReadAsync(stopping);
            upto = reader.GetInt64(0);
            await reader.NextResultAsync(stopping);
            while (await reader.ReadAsync(stopping))
            {
                payloads.Add(reader.GetString(0));
            }
        }

        _from = upto;
        foreach (var payload in payloads)
        {
            receiver.Receive(payload);
        }

        if (cleanUp)
        {
            await using var delete = new SqlCommand(CleanUpSql, connection);
            delete.Parameters.AddWithValue("@keepSeconds", (int)KeepFor.TotalSeconds);
            await delete.ExecuteNonQueryAsync(stopping);
        }
    }
}
