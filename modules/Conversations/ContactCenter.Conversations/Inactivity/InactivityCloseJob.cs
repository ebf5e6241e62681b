using Autofac;
using Quartz;

namespace ContactCenter.Conversations.Inactivity;

/// <summary>Looks for idle conversations every five minutes; clustered Quartz runs it on one node at a time.</summary>
[DisallowConcurrentExecution]
internal sealed class InactivityCloseJob(ILifetimeScope root) : IJob
{
    private static readonly JobKey Key = new("inactivity-close", ConversationsModule.ModuleName);

    public static void Schedule(IQuartzBuilder quartz) => quartz.ScheduleJob<InactivityCloseJob>(
        trigger => trigger
            .WithIdentity("inactivity-close", ConversationsModule.ModuleName)
            .StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
            .WithSimpleSchedule(s => s
                .WithInterval(TimeSpan.FromMinutes(5))
                .RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
        job => job.WithIdentity(Key));

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // A batch at a time, so a backlog after a long stop is worked off without one huge transaction.
        int closed;
        do
        {
            await using var scope = root.BeginLifetimeScope();
            closed = await scope.Resolve<CloseInactiveConversations>().RunAsync(cancellationToken);
        }
        while (closed > 0 && !cancellationToken.IsCancellationRequested);
    }
}
