using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Db.Sqlite;

/// <summary>What the host calls when <c>Database:Provider</c> is SQLite (the default: one node, a file).</summary>
public static class SqliteDatabase
{
    /// <summary>Points the context at the SQLite file, with the hand-written migrations of <paramref name="migrationsAssembly"/>.</summary>
    public static DbContextOptionsBuilder UseContactCenterSqlite(
        this DbContextOptionsBuilder options, string connectionString, string migrationsAssembly) =>
        options.UseSqlite(connectionString, o => o.MigrationsAssembly(migrationsAssembly));

    /// <summary>Registers SQLite's <see cref="ISqlDialect"/>.</summary>
    public static IServiceCollection AddSqliteDialect(this IServiceCollection services) =>
        services.AddSingleton<ISqlDialect>(SqliteDialect.Instance);
}
