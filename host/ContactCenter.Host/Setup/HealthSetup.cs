using ContactCenter.Kernel.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace ContactCenter.Host.Setup;

internal static class HealthSetup
{
    public const string Ready = "ready";

    /// <summary>
    /// <c>/health/live</c>: the process answers. <c>/health/ready</c>: the database is reachable with every
    /// migration applied, the scheduler runs and the plugins were loaded — what a load balancer should ask.
    /// </summary>
    public static void AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [Ready]);
    }

    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync })
            .AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = HealthResponse.WriteAsync })
            .AllowAnonymous();
    }
}

internal sealed class DatabaseHealthCheck(ContactCenterDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy($"{db.Database.ProviderName}: all migrations applied.")
            : HealthCheckResult.Unhealthy($"{pending.Count} migrations are pending: {string.Join(", ", pending)}.");
    }
}

internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return scheduler.Status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy($"Scheduler {scheduler.SchedulerInstanceId} is running.")
            : HealthCheckResult.Unhealthy($"The scheduler is {scheduler.Status}.");
    }
}
