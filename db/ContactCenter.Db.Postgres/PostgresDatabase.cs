using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Db.Postgres;

/// <summary>What the host calls when <c>Database:Provider</c> is PostgreSQL (one or several nodes sharing it).</summary>
public static class PostgresDatabase
{
    /// <summary>
    /// Points the context at PostgreSQL, with the hand-written migrations of <paramref name="migrationsAssembly"/>,
    /// the row locks <see cref="ISqlDialect.LockRows{T}"/> asks for, and text parameters made storable (NUL replaced,
    /// see <see cref="TextNulInterceptor"/>).
    /// </summary>
    public static DbContextOptionsBuilder UseContactCenterPostgres(
        this DbContextOptionsBuilder options, string connectionString, string migrationsAssembly) =>
        options
            .UseNpgsql(connectionString, o => o.MigrationsAssembly(migrationsAssembly))
            .AddInterceptors(RowLockInterceptor.Instance, TextNulInterceptor.Instance);

    /// <summary>
    /// Registers PostgreSQL's <see cref="ISqlDialect"/> and this node's notice listener (LISTEN on its own
    /// connection to <paramref name="connectionString"/>, handing what it hears to <see cref="INoticeReceiver"/>).
    /// </summary>
    public static IServiceCollection AddPostgresDialect(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton<ISqlDialect>(PostgresDialect.Instance);
        services.AddHostedService(provider => new PostgresNoticeListener(
            connectionString,
            provider.GetRequiredService<INoticeReceiver>(),
            provider.GetRequiredService<ILogger<PostgresNoticeListener>>()));
        return services;
    }

    /// <summary>
    /// Creates, if missing, the table that keeps notices for a few minutes so a node that lost its LISTEN connection
    /// catches up (<see cref="NoticesTableScript"/>); it must exist before the seeders' first write.
    /// </summary>
    public static async Task EnsureNoticesTableAsync(DbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync(PostgresNoticeBroadcast.CreateTableSql, cancellationToken);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState is Npgsql.PostgresErrorCodes.UniqueViolation or Npgsql.PostgresErrorCodes.DuplicateTable)
        {
            // Two nodes starting at once: CREATE ... IF NOT EXISTS is not atomic in PostgreSQL; the other one made it.
        }
    }

    /// <summary>The SQL that creates the notices table (a DBA who withholds DDL rights runs it once, like Quartz's).</summary>
    public static string NoticesTableScript => PostgresNoticeBroadcast.CreateTableSql;
}
