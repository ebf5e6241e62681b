using System.Diagnostics;
using Npgsql;

namespace ContactCenter.Ui.Tests.MultiNode;

/// <summary>
/// The PostgreSQL database the nodes of <see cref="SeveralNodesTests"/> share: made fresh for the test, dropped after it,
/// and read directly to count what the load left behind (what no API of the product shows: doubles, double assignments).
/// </summary>
internal sealed class ClusterDatabase
{
    private readonly string _adminConnection;
    private readonly string _name;

    private ClusterDatabase(string adminConnection, string name)
    {
        _adminConnection = adminConnection;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnection) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ClusterDatabase> CreateAsync(string adminConnection)
    {
        var database = new ClusterDatabase(adminConnection, "cc_nodes_" + Guid.NewGuid().ToString("N")[..12]);
        await ExecuteAsync(adminConnection, $"CREATE DATABASE {database._name}");
        return database;
    }

    public async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_adminConnection, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    /// <summary>The conversations assigned to the agent now (finished or not).</summary>
    public async Task<List<Guid>> AssignedToAsync(Guid agent)
    {
        List<Guid> assigned = [];
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Id" FROM "Conversations_Conversations" WHERE "AssignedAgentId" = @agent""", connection);
        command.Parameters.AddWithValue("agent", agent);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            assigned.Add(reader.GetGuid(0));
        }

        return assigned;
    }

    /// <summary>The agent's open conversations: what the live queue shows as their load.</summary>
    public Task<long> OpenConversationsOfAsync(Guid agent) =>
        QueryLongAsync($"""SELECT count(*) FROM "Conversations_Conversations" WHERE "AssignedAgentId" = '{agent}' AND "FinishedAt" IS NULL""", []);

    /// <summary>
    /// Waits (up to <paramref name="timeout"/>) until every acknowledged webhook is stored and every reply accepted by
    /// the channel, then counts what the load left: lost, doubled, assigned twice, over capacity, sent twice.
    /// </summary>
    public async Task<LoadTally> SettleAndCountAsync(ContactLoad load, TimeSpan timeout)
    {
        var ids = load.Acknowledged.ToArray();
        Guid[] replies = [.. load.Replies.Values];
        var settled = Stopwatch.StartNew();
        Dictionary<string, long> stored;
        while (true)
        {
            stored = await CountByProviderIdAsync(ids);
            if ((stored.Count == ids.Length && await RepliesSentAsync(replies) == replies.Length) || settled.Elapsed > timeout)
            {
                break;
            }

            await Task.Delay(500);
        }

        return new LoadTally(
            Acknowledged: ids.Length,
            NotAcknowledged: load.NotAcknowledged,
            Processed: stored.Count,
            Lost: ids.Count(id => !stored.ContainsKey(id)),
            Doubled: stored.Count(s => s.Value > 1),
            DoubleAssignments: await QueryLongAsync("""
                SELECT count(*) FROM (SELECT "SubjectId" FROM "Queues_RoutingDecisions" WHERE "ChosenAgentId" IS NOT NULL
                GROUP BY "SubjectId" HAVING count(*) > 1) twice
                """, []),
            AgentsOverCapacity: await QueryLongAsync("""
                SELECT count(*) FROM "Queues_Agents" a
                WHERE (SELECT count(*) FROM "Conversations_Conversations" c WHERE c."AssignedAgentId" = a."UserId" AND c."FinishedAt" IS NULL) > a."MaxConcurrentConversations"
                """, []),
            Replies: replies.Length,
            RepliesSent: await RepliesSentAsync(replies),
            SentTwice: await QueryLongAsync("""
                SELECT count(*) FROM (SELECT "HostMessageId" FROM "Channels_Outbox" WHERE "HostMessageId" = ANY(@ids)
                GROUP BY "HostMessageId" HAVING count(*) > 1 OR max("Attempts") > 1) twice
                """, replies),
            InboxNotProcessed: await QueryLongAsync("""SELECT count(*) FROM "Channels_Inbox" WHERE "Status" <> 'Processed'""", []));
    }

    private Task<long> RepliesSentAsync(Guid[] replies) =>
        QueryLongAsync("""SELECT count(*) FROM "Channels_Outbox" WHERE "HostMessageId" = ANY(@ids) AND "Status" = 'Accepted'""", replies);

    private async Task<Dictionary<string, long>> CountByProviderIdAsync(string[] ids)
    {
        var counts = new Dictionary<string, long>();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT "ProviderMessageId", count(*) FROM "Conversations_Messages" WHERE "ProviderMessageId" = ANY(@ids) GROUP BY "ProviderMessageId"
            """, connection);
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    private async Task<long> QueryLongAsync(string sql, Guid[] ids)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ids", ids);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>What a load left in the database; every "must be zero" count is zero on a good run.</summary>
internal sealed record LoadTally(
    int Acknowledged,
    int NotAcknowledged,
    int Processed,
    int Lost,
    int Doubled,
    long DoubleAssignments,
    long AgentsOverCapacity,
    int Replies,
    long RepliesSent,
    long SentTwice,
    long InboxNotProcessed)
{
    /// <summary>The counts that must all be zero, in one tuple so a failure shows them all.</summary>
    public (int Lost, int Doubled, long DoubleAssignments, long AgentsOverCapacity, long SentTwice, long InboxNotProcessed) Faults =>
        (Lost, Doubled, DoubleAssignments, AgentsOverCapacity, SentTwice, InboxNotProcessed);

    public override string ToString() =>
        $"acknowledged {Acknowledged}, not acknowledged {NotAcknowledged}, processed {Processed}, lost {Lost}, doubled {Doubled}, " +
        $"double assignments {DoubleAssignments}, agents over capacity {AgentsOverCapacity}, replies {Replies}, replies sent {RepliesSent}, " +
        $"sent twice {SentTwice}, inbox rows not processed {InboxNotProcessed}";
}
