using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ContactCenter.LoadGenerator.Target;

/// <summary>
/// A fresh database for one run, removed afterwards: a temporary data folder holding the SQLite file, or a new
/// PostgreSQL database created on the (loopback) server and dropped at the end. The data folder exists either
/// way: the host keeps its logs there.
/// </summary>
internal sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string? _maintenanceConnectionString;
    private readonly bool _keep;

    private ScratchDatabase(Provider provider, string name, string connectionString, string dataDirectory, string? maintenance, bool keep)
    {
        Provider = provider;
        Name = name;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
        _maintenanceConnectionString = maintenance;
        _keep = keep;
    }

    public Provider Provider { get; }

    /// <summary>The SQLite file or the PostgreSQL database name, for the report.</summary>
    public string Name { get; }

    public string ConnectionString { get; }

    public string DataDirectory { get; }

    public static async Task<ScratchDatabase> CreateAsync(Provider provider, string postgresServer, string runId, bool keep, CancellationToken ct)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"cc-bench-{runId}");
        Directory.CreateDirectory(dataDirectory);
        if (provider == Provider.Sqlite)
        {
            // The host's own default file name and options, so the host and the baseline write the same file.
            var file = Path.Combine(dataDirectory, "contactcenter.db");
            return new ScratchDatabase(provider, file, $"Data Source={file};Foreign Keys=True", dataDirectory, null, keep);
        }

        Loopback.RequirePostgres(postgresServer);
        var server = new NpgsqlConnectionStringBuilder(postgresServer);
        var name = $"cc_bench_{runId}";
        try
        {
            await using var connection = new NpgsqlConnection(server.ConnectionString);
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            throw new TargetException($"Could not create database {name} on {server.Host}:{server.Port} as {server.Username}: {e.Message}");
        }

        var target = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name };
        return new ScratchDatabase(provider, name, target.ConnectionString, dataDirectory, server.ConnectionString, keep);
    }

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection connection = Provider == Provider.Postgres
            ? new NpgsqlConnection(ConnectionString)
            : new SqliteConnection(ConnectionString);
        await connection.OpenAsync(ct);
        if (Provider == Provider.Sqlite)
        {
            // What the host sets at start; a property of the file, harmless to repeat.
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(ct);
        }

        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_keep)
        {
            await Console.Error.WriteLineAsync($"Kept (--keep): {Name} and {DataDirectory}");
            return;
        }

        if (Provider == Provider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                await using var connection = new NpgsqlConnection(_maintenanceConnectionString);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException e)
            {
                await Console.Error.WriteLineAsync($"Could not drop database {Name}: {e.Message}. Drop it by hand.");
            }
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"Could not remove {DataDirectory}: {e.Message}");
        }
    }
}
