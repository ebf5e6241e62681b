using ContactCenter.Kernel.Realtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Db.Postgres;

/// <summary>
/// One LISTEN connection per node on PostgreSQL: every node hears the notices any node committed
/// (<see cref="PostgresNoticeBroadcast"/>) and hands them to its own hub. It listens before the host reports started,
/// so nothing committed after start-up is missed; if the connection drops it reconnects (notices sent meanwhile are
/// lost: pages reload when they are next opened).
/// </summary>
internal sealed class PostgresNoticeListener(string connectionString, INoticeReceiver receiver, TimeProvider clock, ILogger<PostgresNoticeListener> logger)
    : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stopping = new();
    private NpgsqlConnection? _connection;
    private Task _loop = Task.CompletedTask;
    private int _cancelled;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 };
        try
        {
            await ListenAsync(builder.ConnectionString, cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            logger.LogWarning(e, "Could not listen for notices yet; retrying in the background");
        }

        _loop = RunAsync(builder.ConnectionString, _stopping.Token);
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
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _stopping.Dispose();
    }

    // The host may stop this service again after the container disposed it (seen when the tests' WebApplicationFactory
    // shuts a host down: Program's RunAsync stops and disposes it too): only the first stop or dispose cancels.
    private Task CancelOnceAsync() =>
        Interlocked.Exchange(ref _cancelled, 1) == 0 ? _stopping.CancelAsync() : Task.CompletedTask;

    private async Task ListenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Notification += (_, e) => receiver.Receive(e.Payload);
        await connection.OpenAsync(cancellationToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresNoticeBroadcast.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        _connection = connection;
    }

    private async Task RunAsync(string connectionString, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (_connection is null)
                {
                    await ListenAsync(connectionString, stopping);
                }

                await _connection!.WaitAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The notice listener lost its connection; reconnecting");
                if (_connection is not null)
                {
                    await _connection.DisposeAsync();
                    _connection = null;
                }

                await Task.Delay(RetryAfter, clock, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
