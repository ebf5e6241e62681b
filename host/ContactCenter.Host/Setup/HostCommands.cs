using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Host.Setup;

/// <summary>
/// Commands for DBAs who apply schema changes themselves (with <c>ContactCenter:ApplyMigrations=false</c>):
/// <c>migrations-script</c> prints the SQL script for the configured database (idempotent on PostgreSQL and SQL Server);
/// <c>migrate</c> applies the migrations and exits.
/// </summary>
internal static class HostCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        var command = FindCommand(args);
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

    /// <summary>
    /// The first argument that is neither a switch nor a switch's value. ASP.NET Core's command-line configuration takes
    /// <c>--urls X</c>, <c>--urls=X</c>, <c>/urls X</c> and <c>key=value</c>; the X of the first form must not be mistaken
    /// for a command, or <c>dotnet run -- --urls http://127.0.0.1:5080</c> fails with "Unknown command".
    /// </summary>
    internal static string? FindCommand(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var argument = args[i];
            if (argument.Contains('=', StringComparison.Ordinal))
            {
                continue;
            }

            if (argument.StartsWith('-') || argument.StartsWith('/'))
            {
                i++; // "--key value": the next argument is this switch's value.
                continue;
            }

            return argument;
        }

        return null;
    }
}
