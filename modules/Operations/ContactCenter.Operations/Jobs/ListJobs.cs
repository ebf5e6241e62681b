using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Quartz;

namespace ContactCenter.Operations.Jobs;

/// <summary>
/// The scheduled jobs as IT needs to see them: each job with its triggers' state, previous and next fire times (from
/// Quartz's store, the same on every node) and how its last run on this node went.
/// </summary>
internal static class ListJobs
{
    /// <summary>One scheduled job.</summary>
    /// <param name="Group">Quartz group (usually the owning module).</param>
    /// <param name="Name">Quartz job name; with <paramref name="Group"/> the key "executar agora" takes.</param>
    /// <param name="State">The trigger's state: <c>Normal</c>, <c>Paused</c>, <c>Blocked</c> (running), <c>Error</c>…</param>
    /// <param name="Schedule">The repeat, in words (e.g. <c>every 00:00:30</c>).</param>
    internal sealed record JobView(
        string Group,
        string Name,
        string State,
        string? Schedule,
        DateTime? PreviousRunAt,
        DateTime? NextRunAt,
        DateTime? LastStartedAt,
        double? LastDurationMs,
        bool? LastRunFailed,
        string? LastError,
        DateTime? LastFailureAt,
        string? LastFailure,
        int RunsOnThisNode,
        int FailuresOnThisNode);

    internal sealed class Handler(ISchedulerFactory schedulers, JobRuns runs)
    {
        public async Task<IReadOnlyList<JobView>> HandleAsync(CancellationToken cancellationToken)
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            var views = new List<JobView>();
            foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), cancellationToken))
            {
                var triggers = await scheduler.GetTriggersOfJob(key, cancellationToken);
                var trigger = triggers.OrderBy(t => t.NextFireTimeUtc ?? DateTimeOffset.MaxValue).FirstOrDefault();
                var state = trigger is null ? "NoTrigger" : (await scheduler.GetTriggerState(trigger.Key, cancellationToken)).ToString();
                var run = runs.Find(key);
                views.Add(new JobView(
                    key.Group,
                    key.Name,
                    state,
                    Describe(trigger),
                    triggers.Select(t => t.PreviousFireTimeUtc).Max()?.UtcDateTime,
                    trigger?.NextFireTimeUtc?.UtcDateTime,
                    run?.StartedAt,
                    run?.Duration?.TotalMilliseconds,
                    run is { FinishedAt: not null } ? run.Failed : null,
                    run?.Error,
                    run?.LastFailureAt,
                    run?.LastFailure,
                    run?.Runs ?? 0,
                    run?.Failures ?? 0));
            }

            return [.. views.OrderBy(v => v.Group, StringComparer.Ordinal).ThenBy(v => v.Name, StringComparer.Ordinal)];
        }

        private static string? Describe(ITrigger? trigger) => trigger switch
        {
            ISimpleTrigger simple => $"every {simple.RepeatInterval:c}",
            ICronTrigger cron => $"cron {cron.CronExpressionString}",
            null => null,
            _ => trigger.GetType().Name,
        };
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/jobs", async Task<Ok<IReadOnlyList<JobView>>> (Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
        .WithName("ListJobs")
        .WithSummary("The scheduled jobs with their last and next runs and last error")
        .WithDescription("Previous and next runs come from the scheduler's store (shared by every node); how the last run went is as this node saw it.")
        .WithTags("Scheduled jobs")
        .RequireAuthorization(Policies.Admin);
}
