using System.Data.Common;
using ContactCenter.Kernel.Realtime;

namespace ContactCenter.Db.SqlServer;

/// <summary>
/// Notices travel between nodes through a table: the committing transaction inserts them, so they become visible
/// exactly when (and only if) it commits, and every node's <see cref="SqlServerNoticeListener"/> reads what was
/// committed since its last look. Rows carry a <c>rowversion</c>: a reader takes only rows below
/// <c>MIN_ACTIVE_ROWVERSION()</c>, so a transaction that inserted earlier but commits later is never skipped.
/// <para>
/// Why not Service Broker (or SqlDependency, built on it): it must be enabled per database with exclusive access
/// (<c>ALTER DATABASE ... SET ENABLE_BROKER</c>), is switched off on restored or copied databases, is missing from
/// Azure SQL Database, and needs a queue, service and conversation per node to manage. A table needs plain
/// INSERT/SELECT/DELETE rights, works on every edition (Express included) and costs one indexed read per node per
/// poll interval.
/// </para>
/// </summary>
internal sealed class SqlServerNoticeBroadcast : INoticeBroadcast
{
    public const string Table = "ContactCenter_Notices";

    /// <summary>Create-if-missing, like Quartz's tables: never altered or dropped by the product.</summary>
    public const string CreateTableSql = $"""
        IF OBJECT_ID(N'[dbo].[{Table}]', N'U') IS NULL
        BEGIN
            CREATE TABLE [dbo].[{Table}] (
                [Id] bigint IDENTITY(1,1) NOT NULL CONSTRAINT [PK_{Table}] PRIMARY KEY,
                [Version] rowversion NOT NULL,
                [Payload] nvarchar(max) NOT NULL,
                [CreatedAt] datetime2 NOT NULL CONSTRAINT [DF_{Table}_CreatedAt] DEFAULT SYSUTCDATETIME()
            );
            CREATE UNIQUE INDEX [IX_{Table}_Version] ON [dbo].[{Table}] ([Version]) INCLUDE ([Payload]);
        END
        """;

    public const string InsertSql = $"INSERT INTO [dbo].[{Table}] ([Payload]) VALUES (@payload);";

    public static readonly SqlServerNoticeBroadcast Instance = new();

    private SqlServerNoticeBroadcast()
    {
    }

    public void Send(DbConnection connection, DbTransaction? transaction, IReadOnlyList<string> payloads)
    {
        foreach (var payload in payloads)
        {
            using var command = Insert(connection, transaction, payload);
            command.ExecuteNonQuery();
        }
    }

    public async Task SendAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<string> payloads, CancellationToken cancellationToken)
    {
        foreach (var payload in payloads)
        {
            await using var command = Insert(connection, transaction, payload);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbCommand Insert(DbConnection connection, DbTransaction? transaction, string payload)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InsertSql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@payload";
        parameter.Value = payload;
        command.Parameters.Add(parameter);
        return command;
    }
}
