using System.Data.Common;
using ContactCenter.Kernel.Realtime;

namespace ContactCenter.Db.Postgres;

/// <summary>
/// <c>pg_notify</c> on the committing transaction: PostgreSQL delivers the payloads to every listening node exactly
/// when (and only if) the transaction commits.
/// </summary>
internal sealed class PostgresNoticeBroadcast : INoticeBroadcast
{
    public const string Channel = "contactcenter_notices";

    public static readonly PostgresNoticeBroadcast Instance = new();

    private PostgresNoticeBroadcast()
    {
    }

    public void Send(DbConnection connection, DbTransaction? transaction, IReadOnlyList<string> payloads)
    {
        foreach (var payload in payloads)
        {
            using var command = Notify(connection, transaction, payload);
            command.ExecuteNonQuery();
        }
    }

    public async Task SendAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<string> payloads, CancellationToken cancellationToken)
    {
        foreach (var payload in payloads)
        {
            await using var command = Notify(connection, transaction, payload);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbCommand Notify(DbConnection connection, DbTransaction? transaction, string payload)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_notify('" + Channel + "', @payload)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "payload";
        parameter.Value = payload;
        command.Parameters.Add(parameter);
        return command;
    }
}
