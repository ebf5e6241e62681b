using ContactCenter.Queues.Contracts;
using Quartz;

namespace ContactCenter.Queues.Routing;

/// <summary>
/// Fires every few seconds and runs a backlog round once BacklogRoundSeconds (an admin setting, read each time) have
/// passed since this node's last round; on PostgreSQL Quartz's cluster fires it on one node at a time.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class BacklogRoundJob(BacklogRounds rounds, IQueuesApi queues, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("routing-backlog-round", "routing");

    public const int FireEverySeconds = 5;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var settings = await queues.GetRoutingSettingsAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (rounds.LastRoundAt is { } last && now - last < TimeSpan.FromSeconds(settings.BacklogRoundSeconds))
        {
            return;
        }

        await rounds.RunAsync(cancellationToken);
    }
}

/// <summary>Moves conversations whose first-response deadline passed to the next agent.</summary>
[DisallowConcurrentExecution]
internal sealed class FirstResponseTimeoutJob(FirstResponseTimeouts timeouts) : IJob
{
    public static readonly JobKey Key = new("routing-first-response-timeouts", "routing");

    public const int FireEverySeconds = 10;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await timeouts.RunAsync(cancellationToken);
}
