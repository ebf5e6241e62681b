using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Db.SqlServer;

/// <summary>What the host calls when <c>Database:Provider</c> is SqlServer (one or several nodes sharing it).</summary>
public static class SqlServerDatabase
{
    /// <summary>
    /// Points the context at SQL Server, with the hand-written migrations of <paramref name="migrationsAssembly"/>
    /// (scripted with what the model knows, see <see cref="ModelAwareMigrationsSqlGenerator"/>) and the row locks
    /// <see cref="ISqlDialect.LockRows{T}"/> asks for.
    /// </summary>
    public static DbContextOptionsBuilder UseContactCenterSqlServer(
        this DbContextOptionsBuilder options, string connectionString, string migrationsAssembly) =>
        options
            .UseSqlServer(connectionString, o => o.MigrationsAssembly(migrationsAssembly))
            .ReplaceService<IMigrationsSqlGenerator, ModelAwareMigrationsSqlGenerator>()
            .AddInterceptors(TableHintInterceptor.Instance)
            // The model snapshot is provider-neutral (db/README.md) and so lacks the IS NOT NULL filters SQL Server's
            // conventions give unique indexes over nullable columns, which ModelAwareMigrationsSqlGenerator adds from the
            // model: EF would call that a pending change and refuse to migrate. The engine-free SQL Server tests check
            // instead that the migrations script exactly the model's schema.
            .ConfigureWarnings(w => w.Log(RelationalEventId.PendingModelChangesWarning));

    /// <summary>
    /// Registers SQL Server's <see cref="ISqlDialect"/> and this node's notice listener (polling the notices table
    /// on <paramref name="connectionString"/>, handing what it reads to <see cref="INoticeReceiver"/>).
    /// </summary>
    public static IServiceCollection AddSqlServerDialect(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton<ISqlDialect>(SqlServerDialect.Instance);
        services.AddHostedService(provider => new SqlServerNoticeListener(
            connectionString,
            provider.GetRequiredService<INoticeReceiver>(),
            provider.GetRequiredService<ILogger<SqlServerNoticeListener>>()));
        return services;
    }

    /// <summary>
    /// Creates the notices table if it is missing. The host calls it once the migrations are applied and before
    /// anything writes: a write that sends a notice inserts into it (the listener creates it too, but only when the
    /// host starts serving, after the seeders ran).
    /// </summary>
    public static Task EnsureNoticesTableAsync(DbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(SqlServerNoticeBroadcast.CreateTableSql, cancellationToken);

    /// <summary>
    /// The T-SQL that creates the notices table nodes exchange notices through (the listener runs it at start; a DBA
    /// who withholds DDL rights runs it once, like Quartz's table script).
    /// </summary>
    public static string NoticesTableScript => SqlServerNoticeBroadcast.CreateTableSql;
}
