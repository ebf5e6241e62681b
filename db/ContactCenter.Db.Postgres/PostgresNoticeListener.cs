using ContactCenter.Kernel.Realtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Db.Postgres;

/// <summary>
/// One LISTEN connection per node on PostgreSQL: every node hears the notices any node committed
/// (<see cref="PostgresNoticeBroadcast"/>) and hands them to its own hub. It listens before the host reports started,
/// so nothing committed after start-up is missed. If the connection drops it reconnects and catches up: after LISTEN
/// again, it reads the notices the table keeps (<see cref="KeepFor"/>) and delivers those it has not heard, each once.
/// <para>
/// Why a table rather than "every page reloads on reconnect": a notice is more than a reload hint to some of its
/// hearers (the agent's "new conversation" toast names the contact; a reload would update the list but the toast would
/// never show), and a table read by number delivers exactly the notices that were missed, in commit order of their
/// numbers, with no change to any subscriber. It is the same design as SQL Server's, which has no NOTIFY at all.
/// </para>
/// </summary>
internal sealed class PostgresNoticeListener(string connectionString, INoticeReceiver receiver, ILogger<PostgresNoticeListener> logger)
    : IHostedService, IAsyncDisposable
{
    /// <summary>How long notices stay for a reconnecting node to catch up: far longer than a reconnect.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(5);

    /// <summary>Shown in <c>pg_stat_activity.application_name</c>: how an operator (or a test) finds this connection.</summary>
    public const string ApplicationName = "ContactCenter notices";

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan CleanUpEvery = TimeSpan.FromMinutes(1);

    // Reconnecting and cleaning up are the transport's own rhythm, not product time: the injected TimeProvider may be a
    // clock tests hold still, and notices must flow all the same.
    private static readonly TimeProvider Wall = TimeProvider.System;

    private readonly CancellationTokenSource _stopping = new();
    private readonly HeardNotices _heard = new();
    private NpgsqlConnection? _connection;
    private Task _loop = Task.CompletedTask;
    private int _cancelled;
    private bool _listenedBefore;
    private DateTimeOffset _lastCleanUp = Wall.GetUtcNow();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ListenAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            logger.LogWarning(e, "Could not listen for notices yet; retrying in the background");
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

    private string ListenConnectionString =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30, ApplicationName = ApplicationName }.ConnectionString;

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(ListenConnectionString);
        connection.Notification += (_, e) => OnNotification(e.Payload);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var listen = new NpgsqlCommand($"LISTEN {PostgresNoticeBroadcast.Channel}", connection))
            {
                await listen.ExecuteNonQueryAsync(cancellationToken);
            }

            // Read after LISTEN: whatever commits from here on is either in this read or notified (or both: then the
            // number tells). At the very first start the kept notices are history the pages load anyway: marked, not
            // delivered; after a lost connection they are what this node missed.
            await CatchUpAsync(connection, deliver: _listenedBefore, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        _listenedBefore = true;
        _connection = connection;
    }

    private void OnNotification(string message)
    {
        var (id, payload) = PostgresNoticeBroadcast.Parse(message);
        if (id is null || _heard.TryDeliver(id.Value, Wall.GetUtcNow()))
        {
            receiver.Receive(payload);
        }
    }

    private async Task CatchUpAsync(NpgsqlConnection connection, bool deliver, CancellationToken cancellationToken)
    {
        var kept = new List<(long Id, string Payload)>();
        await using (var read = new NpgsqlCommand(
            $"""SELECT "Id", "Payload" FROM "{PostgresNoticeBroadcast.Table}" WHERE "CreatedAt" > clock_timestamp() - @keep ORDER BY "Id" """,
            connection))
        {
            read.Parameters.AddWithValue("keep", KeepFor);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                kept.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        var now = Wall.GetUtcNow();
        var caughtUp = 0;
        foreach (var (id, payload) in kept)
        {
            if (!deliver)
            {
                _heard.MarkHistory(id, now);
            }
            else if (_heard.TryCatchUp(id, now))
            {
                receiver.Receive(payload);
                caughtUp++;
            }
        }

        if (caughtUp > 0)
        {
            logger.LogInformation("Caught up on {Count} notices sent while the notice listener was away", caughtUp);
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (_connection is null)
                {
                    await ListenAsync(stopping);
                }

                // Wakes now and then even when nothing is said, to clear out notices every node has had time to read.
                await _connection!.WaitAsync(CleanUpEvery, stopping);
                await CleanUpAsync(_connection, stopping);
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

                await Task.Delay(RetryAfter, Wall, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task CleanUpAsync(NpgsqlConnection connection, CancellationToken stopping)
    {
        var now = Wall.GetUtcNow();
        if (now - _lastCleanUp < CleanUpEvery)
        {
            return;
        }

        _lastCleanUp = now;
        await using (var delete = new NpgsqlCommand(
            $"""DELETE FROM "{PostgresNoticeBroadcast.Table}" WHERE "CreatedAt" < clock_timestamp() - @keep""", connection))
        {
            delete.Parameters.AddWithValue("keep", KeepFor);
            await delete.ExecuteNonQueryAsync(stopping);
        }

        // Twice the table's keep: a number older than that can no longer come back in a catch-up, even with some
        // clock difference between this node and the database.
        _heard.Forget(olderThan: now - (2 * KeepFor));
    }

    /// <summary>
    /// The numbers this node has handled: delivered (heard by NOTIFY or caught up), or history (kept before this node
    /// first listened, never to be delivered by a catch-up; a NOTIFY for it still counts, it committed after LISTEN).
    /// </summary>
    private sealed class HeardNotices
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<long, (DateTimeOffset At, bool Delivered)> _numbers = [];

        public bool TryDeliver(long id, DateTimeOffset now)
        {
            lock (_gate)
            {
                if (_numbers.TryGetValue(id, out var known) && known.Delivered)
                {
                    return false;
                }

                _numbers[id] = (now, true);
                return true;
            }
        }

        public bool TryCatchUp(long id, DateTimeOffset now)
        {
            lock (_gate)
            {
                return _numbers.TryAdd(id, (now, true));
            }
        }

        public void MarkHistory(long id, DateTimeOffset now)
        {
            lock (_gate)
            {
                _numbers.TryAdd(id, (now, false));
            }
        }

        public void Forget(DateTimeOffset olderThan)
        {
            lock (_gate)
            {
                foreach (var id in _numbers.Where(n => n.Value.At < olderThan).Select(n => n.Key).ToList())
                {
                    _numbers.Remove(id);
                }
            }
        }
    }
}
