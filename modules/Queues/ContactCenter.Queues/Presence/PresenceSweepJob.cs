using Autofac;
using Quartz;

namespace ContactCenter.Queues.Presence;

/// <summary>Runs the presence sweeper every 15 seconds; clustered Quartz runs it on one node at a time.</summary>
[DisallowConcurrentExecution]
internal sealed class PresenceSweepJob(ILifetimeScope root) : IJob
{
    private static readonly JobKey Key = new("presence-sweep", QueuesModule.ModuleName);

    public static void Schedule(IQuartzBuilder quartz) => quartz.ScheduleJob<PresenceSweepJob>(
        trigger => trigger
            .WithIdentity("presence-sweep", QueuesModule.ModuleName)
            .StartNow()
            // A sweep missed while every node was down is not made up: the next one covers it.
            .WithSimpleSchedule(s => s
                .WithInterval(TimeSpan.FromSeconds(15))
                .RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
        job => job.WithIdentity(Key));

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Its own unit of work per sweep.
        await using var scope = root.BeginLifetimeScope();
        await scope.Resolve<PresenceSweeper>().RunAsync(cancellationToken);
    }
}
