using Autofac;
using Quartz;

namespace ContactCenter.Leads.Tasks;

/// <summary>Quartz sweeper: every 30 seconds, due form leads become unanswered-lead tasks (one node at a time in a cluster).</summary>
[DisallowConcurrentExecution]
internal sealed class UnansweredLeadsJob(ILifetimeScope scope) : IJob
{
    public static readonly JobKey Key = new("unanswered-leads", "leads");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var unit = scope.BeginLifetimeScope();
        await unit.Resolve<UnansweredLeads>().RunDueAsync(cancellationToken);
    }

    public static void Configure(IQuartzBuilder quartz)
    {
        quartz.AddJob<UnansweredLeadsJob>(o => o.WithIdentity(Key));
        quartz.AddTrigger(o => o
            .ForJob(Key)
            .WithIdentity("unanswered-leads-every-30s", "leads")
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(30)).RepeatForever()));
    }
}
