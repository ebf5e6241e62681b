using Autofac;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ContactCenter.Templates.Statuses;

/// <summary>Syncs the review statuses every 15 minutes, in case a webhook was lost; clustered Quartz runs it on one node.</summary>
[DisallowConcurrentExecution]
internal sealed class TemplateSyncJob(ILifetimeScope root, ILogger<TemplateSyncJob> logger) : IJob
{
    private static readonly JobKey Key = new("template-sync", TemplatesModule.ModuleName);

    public static void Schedule(IQuartzBuilder quartz) => quartz.ScheduleJob<TemplateSyncJob>(
        trigger => trigger
            .WithIdentity("template-sync", TemplatesModule.ModuleName)
            .StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
            .WithSimpleSchedule(s => s
                .WithInterval(TimeSpan.FromMinutes(15))
                .RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
        job => job.WithIdentity(Key));

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = root.BeginLifetimeScope();
        try
        {
            var outcome = await scope.Resolve<SyncTemplates.Handler>().HandleAsync(null, cancellationToken);
            if (outcome.Unreachable > 0)
            {
                logger.LogWarning("Syncing the template statuses: {Unreachable} of {Accounts} providers did not answer; the next run tries again.", outcome.Unreachable, outcome.Accounts);
            }
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or NotSupportedException)
        {
            // A provider that cannot be reached now is tried again at the next run.
            logger.LogWarning(e, "Syncing the template statuses failed; the next run tries again.");
        }
    }
}
