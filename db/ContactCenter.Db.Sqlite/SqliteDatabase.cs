using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Db.Sqlite;

/// <summary>What the host calls when <c>Database:Provider</c> is SQLite (the default: one node, a file).</summary>
public static class SqliteDatabase
{
    /// <summary>How long a writer waits for SQLite's single write lock before failing (the ADO.NET default command timeout).</summary>
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Points the context at the SQLite file, with the hand-written migrations of <paramref name="migrationsAssembly"/>;
    /// writers waiting for the write lock are woken by SQLite within milliseconds (<see cref="SqliteBusyTimeout"/>).
    /// </summary>
    public static DbContextOptionsBuilder UseContactCenterSqlite(
        this DbContextOptionsBuilder options, string connectionString, string migrationsAssembly) =>
        options.UseSqlite(connectionString, o => o.MigrationsAssembly(migrationsAssembly))
            .AddInterceptors(new SqliteBusyTimeout(BusyTimeout));

    /// <summary>Registers SQLite's <see cref="ISqlDialect"/>.</summary>
    public static IServiceCollection AddSqliteDialect(this IServiceCollection services) =>
        services.AddSingleton<ISqlDialect>(SqliteDialect.Instance);
}
