using Microsoft.Data.SqlClient;
using Npgsql;

namespace ContactCenter.Host.Tests.Infrastructure;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>
/// A fresh database per test host: a SQLite file in a temp folder, a new PostgreSQL database on the
/// server named by <c>CC_TEST_POSTGRES</c> (which .ci/run starts on 127.0.0.1), or a new SQL Server database on the
/// server named by <c>ContactCenter__Tests__SqlServer</c> (no build machine here can run one: set it where one runs).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CC_TEST_POSTGRES";

    public const string SqlServerVariable = "ContactCenter__Tests__SqlServer";

    /// <summary>Accent- and case-insensitive, as docs/install-windows-sqlserver.md asks of a production database.</summary>
    public const string SqlServerCollation = "Latin1_General_100_CI_AI";

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

    public static string? SqlServerConnectionString => Environment.GetEnvironmentVariable(SqlServerVariable);

    /// <summary>
    /// Skips outside CI when PostgreSQL is not configured; inside CI a missing server is a failure. SQL Server always
    /// skips without its variable, saying so: CI's machines cannot run it.
    /// </summary>
    public static void SkipUnlessAvailable(DatabaseKind kind)
    {
        if (kind == DatabaseKind.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(SqlServerConnectionString))
            {
                Assert.Skip($"SQL Server is not configured here: set {SqlServerVariable} to a connection string (a login that may create databases) to run this test on it.");
            }

            return;
        }

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
        SkipUnlessAvailable(kind);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cc-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        if (kind == DatabaseKind.Sqlite)
        {
            return new TestDatabase(kind, dataDirectory, null, null, null);
        }

        if (kind == DatabaseKind.SqlServer)
        {
            return await CreateOnSqlServerAsync(dataDirectory);
        }

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

    private static async Task<TestDatabase> CreateOnSqlServerAsync(string dataDirectory)
    {
        var admin = SqlServerConnectionString!;
        var name = "cc_t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new SqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new SqlCommand($"CREATE DATABASE [{name}] COLLATE {SqlServerCollation}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new SqlConnectionStringBuilder(admin) { InitialCatalog = name };
        return new TestDatabase(DatabaseKind.SqlServer, dataDirectory, builder.ConnectionString, admin, name);
    }

    private async Task DropOnSqlServerAsync()
    {
        SqlConnection.ClearAllPools();
        try
        {
            await using var connection = new SqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            await using var command = new SqlCommand(
                $"ALTER DATABASE [{Name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{Name}];", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (SqlException e)
        {
            Console.Error.WriteLine($"Test database {Name} was not dropped: {e.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Kind == DatabaseKind.SqlServer && _adminConnectionString is not null)
        {
            await DropOnSqlServerAsync();
        }
        else if (_adminConnectionString is not null && Name is not null)
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
