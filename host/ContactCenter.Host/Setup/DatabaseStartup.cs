using ContactCenter.Db.Postgres;
using ContactCenter.Db.SqlServer;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Startup;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Host.Setup;

internal static class DatabaseStartup
{
    /// <summary>Applies the migrations (unless a DBA turned that off), then runs every module's seeder.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, ContactCenterSettings settings)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        var logger = app.Services.GetRequiredService<ILogger<ContactCenterDbContext>>();

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets the UI read while the webhook processor writes; it is a property of the file.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.CloseConnectionAsync();
        }

        if (settings.ApplyMigrations)
        {
            await db.Database.MigrateAsync();
        }
        else if ((await db.Database.GetPendingMigrationsAsync()).ToList() is { Count: > 0 } pending)
        {
            logger.LogWarning(
                "Automatic migrations are off and {Count} migrations are pending ({Migrations}); /health/ready stays unhealthy until a DBA applies the script from 'migrations-script'",
                pending.Count,
                string.Join(", ", pending));
            return;
        }

        if (settings.Provider == DatabaseProvider.SqlServer)
        {
            // Where notices between nodes are written; it must exist before the seeders' first write.
            await SqlServerDatabase.EnsureNoticesTableAsync(db, CancellationToken.None);
        }
        else if (settings.Provider == DatabaseProvider.Postgres)
        {
            // Where notices are kept for a node that lost its LISTEN connection to catch up.
            await PostgresDatabase.EnsureNoticesTableAsync(db, CancellationToken.None);
        }

        var context = new SeedContext(settings.SeedDemoData);
        foreach (var seeder in scope.ServiceProvider.GetServices<IStartupSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(context, CancellationToken.None);
        }

        app.Services.GetRequiredService<StartupReport>().Lines.AddRange(context.Report);
    }
}

/// <summary>What the seeders want the newcomer to read on the console (demo logins).</summary>
internal sealed class StartupReport
{
    public List<string> Lines { get; } = [];
}
