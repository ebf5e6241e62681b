using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Host.Setup;

/// <summary>
/// Commands for DBAs who apply schema changes themselves (with <c>ContactCenter:ApplyMigrations=false</c>):
/// <c>migrations-script</c> prints the SQL script for the configured database (idempotent on PostgreSQL);
/// <c>migrate</c> applies the migrations and exits.
/// </summary>
internal static class HostCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        var command = args.FirstOrDefault(a => !a.StartsWith('-') && !a.Contains('=', StringComparison.Ordinal));
        if (command is null)
        {
            return false;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        switch (command)
        {
            case "migrations-script":
                await Console.Out.WriteAsync(MigrationScript.Generate(db));
                return true;
            case "migrate":
                await db.Database.MigrateAsync();
                await Console.Out.WriteLineAsync("Migrations applied.");
                return true;
            default:
                await Console.Error.WriteLineAsync(
                    $"Unknown command '{command}'. Commands: migrations-script, migrate (or none to start the server).");
                Environment.ExitCode = 2;
                return true;
        }
    }
}
