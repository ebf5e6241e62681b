using System.Data.Common;
using ContactCenter.Kernel.Realtime;

namespace ContactCenter.Db.Postgres;

/// <summary>
/// <c>pg_notify</c> on the committing transaction: PostgreSQL delivers the payloads to every listening node exactly
/// when (and only if) the transaction commits. The same statement also keeps each notice for a few minutes in a
/// table, numbered, and the NOTIFY carries that number: a node whose LISTEN connection dropped reads what it missed
/// from the table when it reconnects (<see cref="PostgresNoticeListener"/>), and skips by number what it already heard.
/// </summary>
internal sealed class PostgresNoticeBroadcast : INoticeBroadcast
{
    public const string Channel = "contactcenter_notices";

    /// <summary>Named like SQL Server's notices table: the schema checks leave both out, they are not the model's.</summary>
    public const string Table = "ContactCenter_Notices";

    /// <summary>Create-if-missing, like Quartz's tables: never altered or dropped by the product.</summary>
    public const string CreateTableSql = $"""
        CREATE TABLE IF NOT EXISTS "{Table}" (
            "Id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            "CreatedAt" timestamptz NOT NULL DEFAULT clock_timestamp(),
            "Payload" text NOT NULL
        );
        CREATE INDEX IF NOT EXISTS "IX_{Table}_CreatedAt" ON "{Table}" ("CreatedAt");
        """;

    // One round trip per commit, whatever its number of payloads: the rows and the notices go together, or neither (a
    // rollback takes both back). Numbered and notified in the payloads' order, which is the order the notices were sent.
    private const string NotifySql = $"""
        WITH kept AS (
            INSERT INTO "{Table}" ("Payload")
            SELECT sent.payload FROM unnest(@payloads::text[]) WITH ORDINALITY AS sent(payload, position) ORDER BY sent.position
            RETURNING "Id", "Payload")
        SELECT count(pg_notify('{Channel}', numbered."Id"::text || ' ' || numbered."Payload"))
        FROM (SELECT "Id", "Payload" FROM kept ORDER BY "Id") AS numbered
        """;

    public static readonly PostgresNoticeBroadcast Instance = new();

    private PostgresNoticeBroadcast()
    {
    }

    public void Send(DbConnection connection, DbTransaction? transaction, IReadOnlyList<string> payloads)
    {
        using var command = Notify(connection, transaction, payloads);
        command.ExecuteNonQuery();
    }

    public async Task SendAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<string> payloads, CancellationToken cancellationToken)
    {
        await using var command = Notify(connection, transaction, payloads);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Splits what NOTIFY carried into the notice's number and its payload (no number: a payload alone).</summary>
    public static (long? Id, string Payload) Parse(string message)
    {
        var space = message.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && long.TryParse(message.AsSpan(0, space), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? (id, message[(space + 1)..])
            : (null, message);
    }

    private static DbCommand Notify(DbConnection connection, DbTransaction? transaction, IReadOnlyList<string> payloads)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = NotifySql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "payloads";
        parameter.Value = payloads.ToArray();
        command.Parameters.Add(parameter);
        return command;
    }
}
