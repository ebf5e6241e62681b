using Npgsql;

namespace ContactCenter.Host.Tests.Infrastructure;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A fresh database per test host: a SQLite file in a temp folder, or a new PostgreSQL database on the
/// server named by <c>CC_TEST_POSTGRES</c> (which .ci/run starts on 127.0.0.1).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CC_TEST_POSTGRES";

    private readonly string? _adminConnectionString;

    private TestDatabase(DatabaseKind kind, string dataDirectory, string? connectionString, string? adminConnectionString, string? name)
    {
        Kind = kind;
        DataDirectory = dataDirectory;
        ConnectionString = connectionString;
        _adminConnectionString = adminConnectionString;
        Name = name;
    }

    public DatabaseKind Kind { get; }

    public string DataDirectory { get; }

    /// <summary>Null for SQLite: the host then creates its default file under <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; }

    public string? Name { get; }

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable);

    /// <summary>Skips outside CI when PostgreSQL is not configured; inside CI a missing server is a failure.</summary>
    public static void SkipUnlessAvailable(DatabaseKind kind)
    {
        if (kind != DatabaseKind.Postgres || !string.IsNullOrWhiteSpace(PostgresConnectionString))
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"CI must run the PostgreSQL tests, but {PostgresVariable} is not set.");
        }

        Assert.Skip($"PostgreSQL is not configured here: set {PostgresVariable} (as .ci/run does) to run this test on it.");
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cc-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        if (kind == DatabaseKind.Sqlite)
        {
            return new TestDatabase(kind, dataDirectory, null, null, null);
        }

        SkipUnlessAvailable(kind);
        var admin = PostgresConnectionString!;
        var name = "cc_t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(kind, dataDirectory, builder.ConnectionString, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_adminConnectionString is not null && Name is not null)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                await using var connection = new NpgsqlConnection(_adminConnectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
            }
            catch (PostgresException e)
            {
                // A session the test role may not end (an autovacuum worker, another role's tool) keeps the
                // database alive; a leftover throwaway database harms no test, so cleaning up never fails one.
                Console.Error.WriteLine($"Test database {Name} was not dropped: {e.MessageText}");
            }
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A log file may still be open on a slow shutdown; the temp folder is disposable anyway.
        }
    }
}
