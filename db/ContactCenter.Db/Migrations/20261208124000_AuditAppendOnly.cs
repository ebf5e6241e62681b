using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContactCenter.Db.Migrations;

/// <summary>
/// The audit log refuses changes in the database itself, not only in the code: a trigger on each provider raises on
/// UPDATE and DELETE of <c>Audit_Entries</c> (and TRUNCATE on PostgreSQL), whoever sends them — a bug, a report tool with
/// write rights, someone covering their tracks through the application's login. Purging old entries is a deliberate
/// maintenance step that drops the trigger first (docs/security.md, "Audit log"). Triggers rather than revoked grants
/// because the product connects as one user that also creates its schema (migrations at start-up), so a grant it owns
/// could be given back by the same code it is meant to stop.
/// </summary>
[DbContext(typeof(ContactCenterDbContext))]
[Migration("20261208124000_AuditAppendOnly")]
public sealed class AuditAppendOnly : Migration
{
    /// <summary>What the refusal says on every provider (tests and operators look for it).</summary>
    public const string Refusal = "Audit_Entries is append-only";

    /// <summary>SQL Server: inside <c>EXEC</c>, because CREATE TRIGGER must open its batch and EF's idempotent script wraps statements in <c>IF … BEGIN … END</c>.</summary>
    public const string SqlServerTrigger = $"""
        CREATE TRIGGER [Audit_Entries_append_only] ON [Audit_Entries] INSTEAD OF UPDATE, DELETE AS
        BEGIN
            SET NOCOUNT ON;
            THROW 51000, N'{Refusal}', 1;
        END
        """;

    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";
    private const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";
    private const string SqlServerProvider = "Microsoft.EntityFrameworkCore.SqlServer";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        switch (migrationBuilder.ActiveProvider)
        {
            case SqliteProvider:
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "Audit_Entries_no_update" BEFORE UPDATE ON "Audit_Entries"
                    BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "Audit_Entries_no_delete" BEFORE DELETE ON "Audit_Entries"
                    BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;
                    """);
                break;
            case PostgresProvider:
                migrationBuilder.Sql($$"""
                    CREATE FUNCTION "Audit_Entries_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $body$
                    BEGIN
                        RAISE EXCEPTION '{{Refusal}} (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
                    END
                    $body$;
                    """);
                migrationBuilder.Sql("""
                    CREATE TRIGGER "Audit_Entries_append_only" BEFORE UPDATE OR DELETE ON "Audit_Entries"
                    FOR EACH ROW EXECUTE FUNCTION "Audit_Entries_refuse_change"();
                    """);
                migrationBuilder.Sql("""
                    CREATE TRIGGER "Audit_Entries_no_truncate" BEFORE TRUNCATE ON "Audit_Entries"
                    FOR EACH STATEMENT EXECUTE FUNCTION "Audit_Entries_refuse_change"();
                    """);
                break;
            case SqlServerProvider:
                migrationBuilder.Sql($"EXEC(N'{SqlServerTrigger.Replace("'", "''", StringComparison.Ordinal)}');");
                break;
            default:
                throw new NotSupportedException($"No append-only trigger for the audit log on {migrationBuilder.ActiveProvider}.");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        switch (migrationBuilder.ActiveProvider)
        {
            case SqliteProvider:
                migrationBuilder.Sql("""DROP TRIGGER "Audit_Entries_no_update";""");
                migrationBuilder.Sql("""DROP TRIGGER "Audit_Entries_no_delete";""");
                break;
            case PostgresProvider:
                migrationBuilder.Sql("""DROP TRIGGER "Audit_Entries_no_truncate" ON "Audit_Entries";""");
                migrationBuilder.Sql("""DROP TRIGGER "Audit_Entries_append_only" ON "Audit_Entries";""");
                migrationBuilder.Sql("""DROP FUNCTION "Audit_Entries_refuse_change"();""");
                break;
            case SqlServerProvider:
                migrationBuilder.Sql("DROP TRIGGER [Audit_Entries_append_only];");
                break;
        }
    }
}
