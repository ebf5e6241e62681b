using System.Data.Common;
using ContactCenter.LoadGenerator.Target;

namespace ContactCenter.LoadGenerator.Load;

/// <summary>
/// The baseline: how fast the same database accepts plain durable inserts of the same rows — one raw webhook
/// body per row, one transaction (autocommit) each, the same number of concurrent connections, the same
/// duration. It is the ceiling for "store the raw request, then answer 200": the webhook rate is reported as a
/// ratio of it. Each worker keeps one open connection and one prepared command: the cheapest way to insert.
/// </summary>
internal sealed class BaselineInserts(ScratchDatabase database, WebhookPayloads payloads, Guid accountId)
{
    private const string Table = "bench_baseline_inbox";

    public async Task<PhaseResult> RunAsync(ClosedLoop loop, int connections, CancellationToken ct)
    {
        await ExecuteAsync(database.Provider == Provider.Postgres
            ? $"CREATE TABLE {Table} (id uuid NOT NULL PRIMARY KEY, channel_account_id uuid NOT NULL, received_at timestamp with time zone NOT NULL, signature varchar(100) NOT NULL, body text NOT NULL)"
            : $"CREATE TABLE {Table} (id TEXT NOT NULL PRIMARY KEY, channel_account_id TEXT NOT NULL, received_at TEXT NOT NULL, signature TEXT NOT NULL, body TEXT NOT NULL)", ct);

        var pool = new Pool(database, connections);

        // SQLite takes one writer at a time. Left to contend, concurrent writers meet SQLITE_BUSY and the driver's
        // retry sleeps, which measures the driver, not the database; queued on a lock, they get all it can give.
        using var sqliteWriter = database.Provider == Provider.Sqlite ? new SemaphoreSlim(1) : null;
        try
        {
            return await loop.RunAsync(async (seq, token) =>
            {
                var body = payloads.Body(seq);
                var row = await pool.RentAsync(token);
                var serialized = sqliteWriter is not null;
                try
                {
                    row.Bind(database.Provider, accountId, payloads.Sign(body), System.Text.Encoding.UTF8.GetString(body));
                    if (serialized)
                    {
                        await sqliteWriter!.WaitAsync(token);
                    }

                    await row.Command.ExecuteNonQueryAsync(token);
                    return new Outcome(OutcomeKind.Accepted);
                }
                catch (DbException e)
                {
                    return new Outcome(OutcomeKind.Failed, 0, e.Message);
                }
                finally
                {
                    if (serialized)
                    {
                        sqliteWriter!.Release();
                    }

                    pool.Return(row);
                }
            }, ct);
        }
        finally
        {
            await pool.DisposeAsync();
            await ExecuteAsync($"DROP TABLE {Table}", CancellationToken.None);
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>One open connection with its prepared INSERT.</summary>
    private sealed class Row(DbConnection connection, DbCommand command)
    {
        public DbConnection Connection { get; } = connection;
        public DbCommand Command { get; } = command;

        public void Bind(Provider provider, Guid accountId, string signature, string body)
        {
            var id = Guid.CreateVersion7();
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            Command.Parameters[0].Value = provider == Provider.Postgres ? id : id.ToString();
            Command.Parameters[1].Value = provider == Provider.Postgres ? accountId : accountId.ToString();
            Command.Parameters[2].Value = provider == Provider.Postgres ? now : now.ToString("O");
            Command.Parameters[3].Value = signature;
            Command.Parameters[4].Value = body;
        }
    }

    private sealed class Pool(ScratchDatabase database, int size) : IAsyncDisposable
    {
        private readonly SemaphoreSlim _free = new(size);
        private readonly System.Collections.Concurrent.ConcurrentBag<Row> _rows = [];
        private readonly System.Collections.Concurrent.ConcurrentBag<Row> _all = [];

        public async Task<Row> RentAsync(CancellationToken ct)
        {
            await _free.WaitAsync(ct);
            if (_rows.TryTake(out var row))
            {
                return row;
            }

            var connection = await database.OpenAsync(ct);
            var command = connection.CreateCommand();
            command.CommandText = $"INSERT INTO {Table} (id, channel_account_id, received_at, signature, body) VALUES (@id, @account, @at, @signature, @body)";
            foreach (var name in new[] { "id", "account", "at", "signature", "body" })
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            row = new Row(connection, command);
            _all.Add(row);
            return row;
        }

        public void Return(Row row)
        {
            _rows.Add(row);
            _free.Release();
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var row in _all)
            {
                await row.Command.DisposeAsync();
                await row.Connection.DisposeAsync();
            }

            _free.Dispose();
        }
    }
}
