using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ContactCenter.Host.Setup;

/// <summary>
/// The context <c>dotnet ef</c> works with (db/README.md): the model of every module on the provider named after
/// <c>--</c> (<c>dotnet ef migrations has-pending-model-changes -- --provider Postgres</c>; SQLite by default). The
/// tools only read the model and the migrations, so the connection strings are placeholders that are never opened:
/// no database, no configuration, and none of the host's start-up (migrations, scheduler) runs.
/// </summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<ContactCenterDbContext>
{
    public ContactCenterDbContext CreateDbContext(string[] args)
    {
        var at = Array.IndexOf(args, "--provider");
        var providerText = at >= 0 && at + 1 < args.Length ? args[at + 1] : nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider))
        {
            throw new ArgumentException($"--provider '{providerText}' is not supported; use Sqlite, Postgres or SqlServer.");
        }

        return Create(provider);
    }

    internal static ContactCenterDbContext Create(DatabaseProvider provider)
    {
        var connectionString = provider switch
        {
            DatabaseProvider.Postgres => "Host=127.0.0.1;Database=design_time",
            DatabaseProvider.SqlServer => "Server=127.0.0.1;Database=design_time;TrustServerCertificate=True",
            _ => "Data Source=design-time.db",
        };
        var settings = new ContactCenterSettings(
            Path.GetTempPath(), Path.GetTempPath(), provider, connectionString, DatabaseIsNew: false, ApplyMigrations: false,
            SeedDemoData: false, BootstrapAdminApiKey: null);
        var options = new DbContextOptionsBuilder<ContactCenterDbContext>();
        options.UseContactCenterDatabase(settings);
        return new ContactCenterDbContext(options.Options, Modules.All);
    }
}
