using Autofac;
using ContactCenter.Chatbot.Domain;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ContactCenter.Chatbot.Evaluation;

/// <summary>
/// The time conditions: a contact's message nobody answered is weighed again once a "more than N hours" trigger's time
/// has come (the session's indexed <see cref="BotSession.DueAt"/>), so such a trigger fires without a new message.
/// </summary>
internal sealed class BotSweep(ContactCenterDbContext db, BotRunner runner, TimeProvider clock)
{
    private const int BatchSize = 100;

    /// <summary>How many sessions were weighed (0: none due).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<BotSession>()
            .Where(s => s.State == BotSessionState.Active && s.DueAt != null && s.DueAt <= now)
            .OrderBy(s => s.DueAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var session in due)
        {
            await runner.EvaluateAsync(session, "sweep", session.LastInboundText, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }
}

/// <summary>Runs the sweep every minute; clustered Quartz runs it on one node at a time.</summary>
[DisallowConcurrentExecution]
internal sealed class BotSweepJob(ILifetimeScope root) : IJob
{
    private static readonly JobKey Key = new("bot-sweep", ChatbotModule.ModuleName);

    public static void Schedule(IQuartzBuilder quartz) => quartz.ScheduleJob<BotSweepJob>(
        trigger => trigger
            .WithIdentity("bot-sweep", ChatbotModule.ModuleName)
            .StartAt(DateTimeOffset.UtcNow.AddSeconds(30))
            .WithSimpleSchedule(s => s
                .WithInterval(TimeSpan.FromMinutes(1))
                .RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
        job => job.WithIdentity(Key));

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        int weighed;
        do
        {
            // A scope per batch: each batch's unit of work (and its events) commits on its own.
            await using var scope = root.BeginLifetimeScope();
            weighed = await scope.Resolve<BotSweep>().RunAsync(cancellationToken);
        }
        while (weighed > 0 && !cancellationToken.IsCancellationRequested);
    }
}
