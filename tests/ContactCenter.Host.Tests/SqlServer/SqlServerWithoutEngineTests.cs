using System.Text.RegularExpressions;
using ContactCenter.Channels.Domain;
using ContactCenter.Db.SqlServer;
using ContactCenter.Host.Setup;
using ContactCenter.Kernel.Data;
using ContactCenter.Leads.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContactCenter.Host.Tests.SqlServer;

/// <summary>
/// What can be known about SQL Server without an engine (none can run on these build machines): the model builds with
/// its provider, the migrations script to exactly the schema the model describes and to every table, index and
/// constraint SQLite and PostgreSQL get, the locked queries translate with the right table hints, and the DBA's script
/// is idempotent T-SQL. Nothing here opens a connection; the integration suite's SQL Server variants
/// (<see cref="SqlServerVariantsTests"/>) run the rest where an engine is given.
/// </summary>
public sealed partial class SqlServerWithoutEngineTests : IDisposable
{
    // Never opened: port 1 on loopback, so a test that did connect would fail at once instead of reaching a server.
    private const string NoServer = "Server=127.0.0.1,1;Database=cc;User ID=cc;Password=cc;Connect Timeout=1;TrustServerCertificate=True";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cc-tests", Guid.NewGuid().ToString("N"));
    private readonly ContactCenterDbContext _sqlServer;

    public SqlServerWithoutEngineTests()
    {
        Directory.CreateDirectory(_directory);
        _sqlServer = Context(DatabaseProvider.SqlServer, NoServer);
    }

    [Fact]
    public void The_model_builds_on_SQL_Server_with_every_table_of_the_other_providers()
    {
        using var sqlite = Context(DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var postgres = Context(DatabaseProvider.Postgres, "Host=127.0.0.1;Port=1;Database=cc");

        var tables = Tables(_sqlServer);

        Assert.True(_sqlServer.Database.IsSqlServer());
        Assert.NotEmpty(tables);
        Assert.Equal(Tables(sqlite), tables);
        Assert.Equal(Tables(postgres), tables);
    }

    [Fact]
    public void The_migrations_script_every_table_index_and_constraint_SQLite_and_PostgreSQL_get()
    {
        using var sqlite = Context(DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var postgres = Context(DatabaseProvider.Postgres, "Host=127.0.0.1;Port=1;Database=cc");

        var scripted = Schema.Read(MigrationsScript()).Names();

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
        var fromModel = Schema.Read(_sqlServer.Database.GenerateCreateScript());
        var fromMigrations = Schema.Read(MigrationsScript());

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

    [Fact]
    public void Claims_of_due_work_skip_rows_other_claimers_hold()
    {
        var now = DateTime.UtcNow;
        var saturated = new List<Guid> { Guid.NewGuid() };
        var outbox = _sqlServer.Set<OutboxMessage>()
            .Where(m => (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending) && m.NextAttemptAt <= now)
            .Where(m => !saturated.Contains(m.ChannelAccountId))
            .OrderBy(m => m.Priority).ThenBy(m => m.NextAttemptAt).ThenBy(m => m.CreatedAt)
            .Take(20);
        var inbox = _sqlServer.Set<InboxEntry>()
            .Where(e => e.Status == InboxStatus.Pending && (e.NextAttemptAt == null || e.NextAttemptAt <= now))
            .OrderBy(e => e.ReceivedAt).Take(50);

        var outboxSql = Locked(outbox, RowLock.SkipLocked);
        var inboxSql = Locked(inbox, RowLock.SkipLocked);

        Assert.Matches(@"FROM \[Channels_Outbox\] AS \[\w+\] WITH \(UPDLOCK, ROWLOCK, READPAST\)", outboxSql);
        Assert.Matches(@"FROM \[Channels_Inbox\] AS \[\w+\] WITH \(UPDLOCK, ROWLOCK, READPAST\)", inboxSql);
        Assert.Contains("TOP(", inboxSql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY", outboxSql, StringComparison.Ordinal);
    }

    [Fact]
    public void A_contact_found_to_be_changed_is_locked_until_the_commit_waiting_for_its_holder()
    {
        var phone = "5511999990000";
        var sql = Locked(_sqlServer.Set<Contact>().Where(c => c.Phone == phone), RowLock.Wait);

        Assert.Matches(@"FROM \[Leads_Contacts\] AS \[\w+\] WITH \(UPDLOCK, ROWLOCK\)\s+WHERE", sql);
        Assert.DoesNotContain("READPAST", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Queries_without_a_lock_are_sent_as_EF_wrote_them()
    {
        var sql = _sqlServer.Set<DataProtectionKey>().Where(k => k.FriendlyName.StartsWith("a")).ToQueryString();

        Assert.Equal(sql, TableHintInterceptor.AddHints(sql));
        Assert.Equal(
            "-- another tag\nSELECT 1 FROM [T] AS [t]",
            TableHintInterceptor.AddHints("-- another tag\nSELECT 1 FROM [T] AS [t]"));
    }

    [Fact]
    public void The_lock_across_nodes_is_an_application_lock_owned_by_its_transaction_that_never_waits()
    {
        var sql = SqlServerDialect.AppLockSql;

        Assert.Contains("sp_getapplock", sql, StringComparison.Ordinal);
        Assert.Contains("@LockOwner = 'Transaction'", sql, StringComparison.Ordinal);
        Assert.Contains("@LockTimeout = 0", sql, StringComparison.Ordinal);
        Assert.NotEqual(SqlServerDialect.ResourceName(1), SqlServerDialect.ResourceName(2));
    }

    [Fact]
    public void Notices_are_read_only_once_every_earlier_writer_has_committed()
    {
        // Rows below MIN_ACTIVE_ROWVERSION() are settled: a transaction that inserted earlier and commits later is read
        // on a later poll instead of being skipped by a reader that went past its row.
        Assert.Contains("MIN_ACTIVE_ROWVERSION()", SqlServerNoticeListener.ReadSql, StringComparison.Ordinal);
        Assert.Contains("[Version] < @upto", SqlServerNoticeListener.ReadSql, StringComparison.Ordinal);
        Assert.Contains("rowversion", SqlServerDatabase.NoticesTableScript, StringComparison.Ordinal);
        Assert.StartsWith("IF OBJECT_ID(", SqlServerDatabase.NoticesTableScript, StringComparison.Ordinal);
    }

    [Fact]
    public void Quartz_brings_its_published_SQL_Server_table_script()
    {
        // What store.ProvisionSchema() runs on SQL Server (create-if-missing), and what a DBA is pointed to.
        var script = typeof(Quartz.IScheduler).Assembly.GetManifestResourceNames()
            .SingleOrDefault(n => n.EndsWith("create_sqlServer.sql", StringComparison.Ordinal));

        Assert.NotNull(script);
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

    // ToQueryString declares the parameters before the command text EF sends, which starts with the tag.
    private static string Locked<T>(IQueryable<T> query, RowLock mode)
        where T : class
    {
        var sql = SqlServerDialect.Instance.LockRows(query, mode).ToQueryString();
        var command = sql[sql.IndexOf("-- ContactCenter", StringComparison.Ordinal)..];
        return TableHintInterceptor.AddHints(command);
    }

    private ContactCenterDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var settings = new ContactCenterSettings(
            _directory, _directory, provider, connectionString, DatabaseIsNew: true, ApplyMigrations: false, SeedDemoData: false, BootstrapAdminApiKey: null);
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

    /// <summary>
    /// The schema a T-SQL script leaves behind, replayed statement by statement (tables, columns, constraints and
    /// indexes created, altered and dropped), as sorted facts. Enough for EF's SQL Server scripts, which is all it reads.
    /// </summary>
    private sealed partial class Schema
    {
        private readonly SortedDictionary<string, string> _columns = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, string> _constraints = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, string> _indexes = new(StringComparer.Ordinal);
        private readonly SortedSet<string> _tables = new(StringComparer.Ordinal);

        public IEnumerable<string> Facts =>
            _tables.Select(t => $"table {t}")
                .Concat(_columns.Select(c => $"column {c.Key} {c.Value}"))
                .Concat(_constraints.Select(c => $"constraint {c.Key} {c.Value}"))
                .Concat(_indexes.Select(i => $"index {i.Key} {i.Value}"))
                .Where(f => !f.Contains("__EFMigrationsHistory", StringComparison.Ordinal))
                .ToList();

        public static Schema Read(string script)
        {
            var schema = new Schema();
            var batches = GoLine().Replace(script.ReplaceLineEndings("\n"), string.Empty);
            foreach (var statement in batches.Split(";\n", StringSplitOptions.RemoveEmptyEntries))
            {
                schema.Apply(statement.Trim());
            }

            return schema;
        }

        public List<string> Names() =>
            [.. _tables.Select(t => $"table {t}")
                .Concat(_constraints.Keys.Select(k => $"constraint {k}"))
                .Concat(_indexes.Keys.Select(k => $"index {k}"))
                .Where(f => !f.Contains("__EFMigrationsHistory", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)];

        private void Apply(string statement)
        {
            if (CreateTable().Match(statement) is { Success: true } create)
            {
                var table = create.Groups["table"].Value;
                _tables.Add(table);
                foreach (var line in create.Groups["body"].Value.Split('\n').Select(l => l.Trim().TrimEnd(',')))
                {
                    AddColumnOrConstraint(table, line);
                }
            }
            else if (DropTable().Match(statement) is { Success: true } drop)
            {
                var table = drop.Groups["table"].Value;
                _tables.Remove(table);
                foreach (var map in new[] { _columns, _constraints, _indexes })
                {
                    foreach (var key in map.Keys.Where(k => k.StartsWith(table + ".", StringComparison.Ordinal)).ToList())
                    {
                        map.Remove(key);
                    }
                }
            }
            else if (AlterTable().Match(statement) is { Success: true } alter)
            {
                var table = alter.Groups["table"].Value;
                var rest = alter.Groups["rest"].Value.Trim();
                if (rest.StartsWith("ADD ", StringComparison.Ordinal))
                {
                    AddColumnOrConstraint(table, rest[4..].Trim());
                }
                else if (rest.StartsWith("ALTER COLUMN ", StringComparison.Ordinal))
                {
                    AddColumnOrConstraint(table, rest[13..].Trim());
                }
                else if (DropName().Match(rest) is { Success: true } dropped)
                {
                    _columns.Remove($"{table}.{dropped.Groups["name"].Value}");
                    _constraints.Remove($"{table}.{dropped.Groups["name"].Value}");
                }
            }
            else if (CreateIndex().Match(statement) is { Success: true } index)
            {
                _indexes[$"{index.Groups["table"].Value}.{index.Groups["name"].Value}"] =
                    $"{index.Groups["unique"].Value}INDEX {Squeeze(index.Groups["rest"].Value)}";
            }
            else if (DropIndex().Match(statement) is { Success: true } dropIndex)
            {
                _indexes.Remove($"{dropIndex.Groups["table"].Value}.{dropIndex.Groups["name"].Value}");
            }
        }

        private void AddColumnOrConstraint(string table, string line)
        {
            if (Constraint().Match(line) is { Success: true } constraint)
            {
                _constraints[$"{table}.{constraint.Groups["name"].Value}"] = Squeeze(constraint.Groups["rest"].Value);
            }
            else if (Column().Match(line) is { Success: true } column)
            {
                _columns[$"{table}.{column.Groups["name"].Value}"] = $"{column.Groups["type"].Value} {column.Groups["null"].Value}";
            }
        }

        private static string Squeeze(string text) => Whitespace().Replace(text, " ").Trim();

        [GeneratedRegex(@"^CREATE TABLE \[(?<table>[^\]]+)\] \((?<body>.*)\)$", RegexOptions.Singleline)]
        private static partial Regex CreateTable();

        [GeneratedRegex(@"^DROP TABLE \[(?<table>[^\]]+)\]$")]
        private static partial Regex DropTable();

        [GeneratedRegex(@"^ALTER TABLE \[(?<table>[^\]]+)\] (?<rest>.*)$", RegexOptions.Singleline)]
        private static partial Regex AlterTable();

        [GeneratedRegex(@"^DROP (?:COLUMN|CONSTRAINT) \[(?<name>[^\]]+)\]$")]
        private static partial Regex DropName();

        [GeneratedRegex(@"^CREATE (?<unique>UNIQUE )?INDEX \[(?<name>[^\]]+)\] ON \[(?<table>[^\]]+)\] (?<rest>.*)$", RegexOptions.Singleline)]
        private static partial Regex CreateIndex();

        [GeneratedRegex(@"^DROP INDEX \[(?<name>[^\]]+)\] ON \[(?<table>[^\]]+)\]$")]
        private static partial Regex DropIndex();

        [GeneratedRegex(@"^CONSTRAINT \[(?<name>[^\]]+)\] (?<rest>.*)$", RegexOptions.Singleline)]
        private static partial Regex Constraint();

        [GeneratedRegex(@"^\[(?<name>[^\]]+)\] (?<type>\w+(?:\([^)]*\))?)(?:.*?)(?<null>NOT NULL|NULL)")]
        private static partial Regex Column();

        [GeneratedRegex(@"^GO\s*$", RegexOptions.Multiline)]
        private static partial Regex GoLine();

        [GeneratedRegex(@"\s+")]
        private static partial Regex Whitespace();
    }
}
