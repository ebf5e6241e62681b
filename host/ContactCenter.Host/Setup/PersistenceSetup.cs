using ContactCenter.Db.Postgres;
using ContactCenter.Db.Sqlite;
using ContactCenter.Db.SqlServer;
using ContactCenter.Kernel.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Host.Setup;

internal static class PersistenceSetup
{
    public const string MigrationsAssembly = "ContactCenter.Db";

    public static void AddPersistence(this WebApplicationBuilder builder, ContactCenterSettings settings)
    {
        builder.Services.AddDbContext<ContactCenterDbContext>(options => options.UseContactCenterDatabase(settings));

        // The modules' ISqlDialect (row locks, the lock across nodes, notices between nodes) comes with the provider.
        switch (settings.Provider)
        {
            case DatabaseProvider.Postgres:
                builder.Services.AddPostgresDialect(settings.ConnectionString);
                break;
            case DatabaseProvider.SqlServer:
                builder.Services.AddSqlServerDialect(settings.ConnectionString);
                break;
            default:
                builder.Services.AddSqliteDialect();
                break;
        }

        // Keys in the shared database: every node decrypts what another encrypted, and restarts keep them.
        builder.Services.AddDataProtection()
            .SetApplicationName("ContactCenter")
            .AddKeyManagementOptions(o => o.XmlRepository = null);
        builder.Services.AddSingleton<DatabaseXmlRepository>();
        builder.Services.AddSingleton<StartupReport>();
        builder.Services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<DatabaseXmlRepository>((o, repository) => o.XmlRepository = repository);
    }

    public static DbContextOptionsBuilder UseContactCenterDatabase(
        this DbContextOptionsBuilder options, ContactCenterSettings settings) => settings.Provider switch
    {
        DatabaseProvider.Postgres => options.UseContactCenterPostgres(settings.ConnectionString, MigrationsAssembly),
        DatabaseProvider.SqlServer => options.UseContactCenterSqlServer(settings.ConnectionString, MigrationsAssembly),
        _ => options.UseContactCenterSqlite(settings.ConnectionString, MigrationsAssembly),
    };
}
