using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContactCenter.Host.Setup;

/// <summary>The SQL a DBA runs instead of letting the host migrate (<c>ContactCenter:ApplyMigrations=false</c>).</summary>
internal static class MigrationScript
{
    public static string Generate(ContactCenterDbContext db)
    {
        var migrator = db.GetService<IMigrator>();
        if (!db.Database.IsSqlite())
        {
            // Idempotent: safe to run on any version of the schema, and twice.
            return migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        }

        // EF cannot make idempotent scripts for SQLite, so script from what this database already has.
        var applied = db.Database.GetAppliedMigrations().LastOrDefault();
        return $"-- SQLite: applies the migrations after '{applied ?? "(none)"}' to this database file.{Environment.NewLine}"
            + migrator.GenerateScript(fromMigration: applied);
    }
}
