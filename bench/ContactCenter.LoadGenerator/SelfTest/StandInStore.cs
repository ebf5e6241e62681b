using System.Data.Common;
using System.Text.Json;
using ContactCenter.LoadGenerator.Target;

namespace ContactCenter.LoadGenerator.SelfTest;

/// <summary>
/// The stand-in's storage, the product's shape in miniature: an inbox of raw bodies written before the 200, and
/// a processor that turns them into messages de-duplicated by provider message id, each batch in one
/// transaction. <see cref="SelfTestFault"/> breaks it on purpose so the checks can be seen to fail.
/// </summary>
internal sealed class StandInStore(ScratchDatabase database, SelfTestFault fault)
{
    // SQLite takes one writer at a time; queueing here beats the driver's busy-retry sleeps (see BaselineInserts).
    private readonly SemaphoreSlim? _sqliteWriter = database.Provider == Provider.Sqlite ? new(1) : null;
    private long _processed;

    public async Task CreateSchemaAsync(CancellationToken ct)
    {
        var postgres = database.Provider == Provider.Postgres;
        await ExecuteAsync(postgres
            ? "CREATE TABLE standin_inbox (seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, account_id uuid NOT NULL, received_at timestamp with time zone NOT NULL, signature varchar(100) NOT NULL, body text NOT NULL, processed integer NOT NULL DEFAULT 0)"
            : "CREATE TABLE standin_inbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, account_id TEXT NOT NULL, received_at TEXT NOT NULL, signature TEXT NOT NULL, body TEXT NOT NULL, processed INTEGER NOT NULL DEFAULT 0)", ct);
        await ExecuteAsync("CREATE INDEX ix_standin_inbox_pending ON standin_inbox (seq) WHERE processed = 0", ct);
        await ExecuteAsync(postgres
            ? "CREATE TABLE standin_messages (id uuid PRIMARY KEY, provider_message_id varchar(200) NOT NULL, sender varchar(32) NOT NULL, created_at timestamp with time zone NOT NULL)"
            : "CREATE TABLE standin_messages (id TEXT PRIMARY KEY, provider_message_id TEXT NOT NULL, sender TEXT NOT NULL, created_at TEXT NOT NULL)", ct);
        await ExecuteAsync("CREATE INDEX ix_standin_messages_provider_message_id ON standin_messages (provider_message_id)", ct);
    }

    public async Task AddToInboxAsync(Guid accountId, string signature, string body, CancellationToken ct)
    {
        using var writing = await WriterAsync(ct);
        await using var connection = await database.OpenAsync(ct);
        await using var insert = Command(connection, "INSERT INTO standin_inbox (account_id, received_at, signature, body) VALUES (@account, @at, @signature, @body)",
            ("account", Id(accountId)), ("at", Now()), ("signature", signature), ("body", body));
        await insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Processes up to <paramref name="max"/> pending rows in one transaction; returns how many.</summary>
    public async Task<int> ProcessBatchAsync(int max, CancellationToken ct)
    {
        using var writing = await WriterAsync(ct);
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var pending = new List<(long Seq, string Body)>();
        await using (var select = Command(connection, $"SELECT seq, body FROM standin_inbox WHERE processed = 0 ORDER BY seq LIMIT {max}"))
        {
            select.Transaction = transaction;
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                pending.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        foreach (var (seq, body) in pending)
        {
            foreach (var (wamid, from) in Messages(body))
            {
                if (fault == SelfTestFault.Lose && Interlocked.Increment(ref _processed) % 50 == 0)
                {
                    continue;
                }

                var sql = fault == SelfTestFault.Duplicate
                    ? "INSERT INTO standin_messages (id, provider_message_id, sender, created_at) VALUES (@id, @wamid, @from, @at)"
                    : "INSERT INTO standin_messages (id, provider_message_id, sender, created_at) SELECT @id, @wamid, @from, @at WHERE NOT EXISTS (SELECT 1 FROM standin_messages WHERE provider_message_id = @wamid)";
                await using var insert = Command(connection, sql, ("id", Id(Guid.CreateVersion7())), ("wamid", wamid), ("from", from), ("at", Now()));
                insert.Transaction = transaction;
                await insert.ExecuteNonQueryAsync(ct);
            }

            // Row by row: a lower seq may commit after a higher one, so "seq <= max" could skip an unread row.
            await using var done = Command(connection, "UPDATE standin_inbox SET processed = 1 WHERE seq = @seq", ("seq", seq));
            done.Transaction = transaction;
            await done.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return pending.Count;
    }

    public async Task<List<object>> FindAsync(string providerMessageId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var select = Command(connection, "SELECT id, sender FROM standin_messages WHERE provider_message_id = @wamid", ("wamid", providerMessageId));
        await using var reader = await select.ExecuteReaderAsync(ct);
        var items = new List<object>();
        while (await reader.ReadAsync(ct))
        {
            items.Add(new { id = reader.GetValue(0).ToString(), providerMessageId, from = reader.GetString(1), direction = "inbound", type = "text" });
        }

        return items;
    }

    private static IEnumerable<(string Wamid, string From)> Messages(string body)
    {
        using var json = JsonDocument.Parse(body);
        var found = new List<(string, string)>();
        foreach (var entry in json.RootElement.GetProperty("entry").EnumerateArray())
        {
            foreach (var change in entry.GetProperty("changes").EnumerateArray())
            {
                if (change.GetProperty("value").TryGetProperty("messages", out var messages))
                {
                    found.AddRange(messages.EnumerateArray().Select(m => (m.GetProperty("id").GetString()!, m.GetProperty("from").GetString()!)));
                }
            }
        }

        return found;
    }

    private async Task<IDisposable?> WriterAsync(CancellationToken ct)
    {
        if (_sqliteWriter is null)
        {
            return null;
        }

        await _sqliteWriter.WaitAsync(ct);
        return new Release(_sqliteWriter);
    }

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        public void Dispose() => semaphore.Release();
    }

    private object Id(Guid id) => database.Provider == Provider.Postgres ? id : id.ToString();

    private object Now()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        return database.Provider == Provider.Postgres ? now : now.ToString("O");
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = Command(connection, sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
