using System.Text.RegularExpressions;
using ContactCenter.Db.Migrations;
using ContactCenter.Db.SqlServer;
using ContactCenter.Host.Setup;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ContactCenter.Host.Tests.SqlServer;

/// <summary>
/// What can be known about SQL Server without an engine (none can run on these build machines): the model builds with
/// its provider, the migrations script to exactly the schema the model describes and to every table, index and
/// constraint SQLite and PostgreSQL get, and the DBA's script is idempotent T-SQL (the dialect's
/// query text: <see cref="SqlServerDialectTextTests"/>). Nothing here opens a connection; the integration suite's SQL Server variants
/// (<see cref="SqlServerVariantsTests"/>) run the rest where an engine is given.
/// </summary>
public sealed class SqlServerWithoutEngineTests : IDisposable
{
    // Never opened: port 1 on loopback, so a test that did connect would fail at once instead of reaching a server.
    internal const string NoServer = "Server=127.0.0.1,1;Database=cc;User ID=cc;Password=cc;Connect Timeout=1;TrustServerCertificate=True";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cc-tests", Guid.NewGuid().ToString("N"));
    private readonly ContactCenterDbContext _sqlServer;

    public SqlServerWithoutEngineTests()
    {
        Directory.CreateDirectory(_directory);
        _sqlServer = Context(_directory, DatabaseProvider.SqlServer, NoServer);
    }

    [Fact]
    public void The_model_builds_on_SQL_Server_with_every_table_of_the_other_providers()
    {
        using var sqlite = Context(_directory, DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var postgres = Context(_directory, DatabaseProvider.Postgres, "Host=127.0.0.1;Port=1;Database=cc");

        var tables = Tables(_sqlServer);

        Assert.True(_sqlServer.Database.IsSqlServer());
        Assert.NotEmpty(tables);
        Assert.Equal(Tables(sqlite), tables);
        Assert.Equal(Tables(postgres), tables);
    }

    [Fact]
    public void The_migrations_script_every_table_index_and_constraint_SQLite_and_PostgreSQL_get()
    {
        using var sqlite = Context(_directory, DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var postgres = Context(_directory, DatabaseProvider.Postgres, "Host=127.0.0.1;Port=1;Database=cc");

        var scripted = TSqlScriptSchema.Read(MigrationsScript()).Names();

        Assert.Equal(Names(sqlite), scripted);
        Assert.Equal(Names(postgres), scripted);
    }

    /// <summary>
    /// Column types, nullability, index filters and key columns as SQL Server's own create script for the model has them:
    /// e.g. indexed strings are <c>nvarchar(450)</c>, not the unindexable <c>nvarchar(max)</c>, and a unique index over a
    /// nullable column leaves NULLs out (<c>WHERE ... IS NOT NULL</c>) so several contacts without an e-mail can exist.
    /// </summary>
    [Fact]
    public void The_migrations_script_the_schema_the_model_describes_on_SQL_Server()
    {
        var fromModel = TSqlScriptSchema.Read(_sqlServer.Database.GenerateCreateScript());
        var fromMigrations = TSqlScriptSchema.Read(MigrationsScript());

        Assert.NotEmpty(fromModel.Facts);
        Assert.Equal(string.Join('\n', fromModel.Facts), string.Join('\n', fromMigrations.Facts));
        Assert.Contains(fromMigrations.Facts, f => f.Contains("WHERE [Email] IS NOT NULL", StringComparison.Ordinal));
        Assert.DoesNotContain(fromMigrations.Facts, f => f.Contains("INDEX", StringComparison.Ordinal) && f.Contains("(max)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_DBA_script_is_idempotent_T_SQL_that_checks_each_migration()
    {
        var script = MigrationScript.Generate(_sqlServer);
        var migrations = _sqlServer.Database.GetMigrations().ToList();

        Assert.NotEmpty(migrations);
        foreach (var migration in migrations)
        {
            Assert.Contains($"WHERE [MigrationId] = N'{migration}'", script, StringComparison.Ordinal);
        }

        Assert.Contains("IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL", script, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^GO\s*$", RegexOptions.Multiline), script);
    }

    /// <summary>
    /// The T-SQL the migrations add beside EF's own (the audit log's append-only trigger, which CI cannot run) parses as
    /// SQL Server's parser reads it, and so does the whole DBA script that carries it inside <c>EXEC</c>.
    /// </summary>
    [Fact]
    public void The_audit_logs_append_only_trigger_and_the_DBA_script_are_valid_T_SQL()
    {
        var trigger = Assert.IsType<CreateTriggerStatement>(Assert.Single(Parse(AuditAppendOnly.SqlServerTrigger).Batches.SelectMany(b => b.Statements)));
        Assert.Equal(("Audit_Entries_append_only", "Audit_Entries", TriggerType.InsteadOf),
            (trigger.Name.BaseIdentifier.Value, trigger.TriggerObject.Name.BaseIdentifier.Value, trigger.TriggerType));
        Assert.Equal([TriggerActionType.Update, TriggerActionType.Delete], trigger.TriggerActions.Select(a => a.TriggerActionType));
        var body = Assert.IsType<BeginEndBlockStatement>(Assert.Single(trigger.StatementList.Statements));
        Assert.Contains(body.StatementList.Statements, s => s is ThrowStatement);

        var script = MigrationScript.Generate(_sqlServer);
        Parse(script);
        Assert.Contains("CREATE TRIGGER [Audit_Entries_append_only]", script, StringComparison.Ordinal);
    }

    private static TSqlScript Parse(string tsql)
    {
        using var reader = new StringReader(tsql);
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
        Assert.True(errors.Count == 0, string.Join('\n', errors.Select(e => $"line {e.Line}: {e.Message}")));
        return Assert.IsType<TSqlScript>(fragment);
    }

    public void Dispose()
    {
        _sqlServer.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder; nothing was written to it.
        }
    }

    private string MigrationsScript() => _sqlServer.GetService<IMigrator>().GenerateScript();

    internal static ContactCenterDbContext Context(string directory, DatabaseProvider provider, string connectionString)
    {
        var settings = new ContactCenterSettings(
            directory, directory, provider, connectionString, DatabaseIsNew: true, ApplyMigrations: false, SeedDemoData: false, BootstrapAdminApiKey: null);
        var builder = new DbContextOptionsBuilder<ContactCenterDbContext>();
        builder.UseContactCenterDatabase(settings);
        return new ContactCenterDbContext(builder.Options, Modules.All);
    }

    private static IModel DesignModel(DbContext db) => db.GetService<IDesignTimeModel>().Model;

    private static List<string> Tables(DbContext db) =>
        [.. DesignModel(db).GetRelationalModel().Tables.Select(t => t.Name).Order(StringComparer.Ordinal)];

    /// <summary>Every table, index and constraint (primary, foreign, unique) by name, as the provider's model has them.</summary>
    private static List<string> Names(DbContext db)
    {
        var names = new List<string>();
        foreach (var table in DesignModel(db).GetRelationalModel().Tables)
        {
            names.Add($"table {table.Name}");
            names.AddRange(table.Indexes.Select(i => $"index {table.Name}.{i.Name}"));
            names.AddRange(table.UniqueConstraints.Select(c => $"constraint {table.Name}.{c.Name}"));
            names.AddRange(table.ForeignKeyConstraints.Select(c => $"constraint {table.Name}.{c.Name}"));
        }

        return [.. names.Order(StringComparer.Ordinal)];
    }
}
