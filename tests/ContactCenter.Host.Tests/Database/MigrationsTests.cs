using System.Net;
using ContactCenter.Host.Setup;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Database;

public abstract class MigrationsTests(DatabaseKind kind) : HostTest(kind)
{
    /// <summary>
    /// The hand-written migrations must build exactly the schema the model describes; otherwise the product
    /// fails at run time on a column nobody created. Compared as the database reports it, on each provider.
    /// </summary>
    [Fact]
    public async Task The_migrated_schema_is_the_schema_of_the_model()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var migratedDb = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        var migrated = await SchemaSnapshot.ReadAsync(migratedDb.Database.GetDbConnection());

        await using var modelDatabase = await TestDatabase.CreateAsync(Kind);
        await using var fromModel = CreateContext(modelDatabase);
        await fromModel.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
        var expected = await SchemaSnapshot.ReadAsync(fromModel.Database.GetDbConnection());

        Assert.NotEmpty(expected);
        Assert.Equal(string.Join('\n', expected), string.Join('\n', migrated));
    }

    [Fact]
    public async Task Every_migration_is_applied_at_start_and_ready_says_so()
    {
        var response = await Host.CreateClient().GetAsync("/health/ready");

        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        Assert.Equal("Healthy", (string?)body["checks"]!["database"]!["status"]);
        Assert.Equal("Healthy", (string?)body["checks"]!["scheduler"]!["status"]);
    }

    [Fact]
    public async Task Quartz_created_its_own_tables_in_the_product_database()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Kind == DatabaseKind.Sqlite
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND upper(name) LIKE 'QRTZ!_%' ESCAPE '!'"
            : "SELECT COUNT(*) FROM information_schema.tables WHERE upper(table_name) LIKE 'QRTZ!_%' ESCAPE '!'";

        var count = Convert.ToInt64(await command.ExecuteScalarAsync());

        // Quartz's persistent store has a dozen tables (jobs, triggers, locks, scheduler state...).
        Assert.True(count >= 10, $"expected Quartz's tables, found {count}");
    }

    private ContactCenterDbContext CreateContext(TestDatabase database)
    {
        var connectionString = database.ConnectionString
            ?? $"Data Source={Path.Combine(database.DataDirectory, "model.db")}";
        var settings = new ContactCenterSettings(
            database.DataDirectory,
            database.DataDirectory,
            Enum.Parse<DatabaseProvider>(Kind.ToString()),
            connectionString,
            DatabaseIsNew: true,
            ApplyMigrations: false,
            SeedDemoData: false,
            BootstrapAdminApiKey: null);
        var builder = new DbContextOptionsBuilder<ContactCenterDbContext>();
        builder.UseContactCenterDatabase(settings);
        var options = builder.Options;
        return new ContactCenterDbContext(options, Modules.All);
    }
}

public sealed class MigrationsTestsOnSqlite() : MigrationsTests(DatabaseKind.Sqlite);

public sealed class MigrationsTestsOnPostgres() : MigrationsTests(DatabaseKind.Postgres);
