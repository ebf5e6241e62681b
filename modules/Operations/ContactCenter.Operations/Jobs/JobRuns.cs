using System.Collections.Concurrent;
using Quartz;

namespace ContactCenter.Operations.Jobs;

/// <summary>How the last run of a job went on this node.</summary>
internal sealed record JobRun(DateTime StartedAt, DateTime? FinishedAt, TimeSpan? Duration, bool Failed, string? Error, DateTime? LastFailureAt, string? LastFailure, int Runs, int Failures);

/// <summary>
/// The runs this node saw, per job (kept in memory: a job's schedule and its previous fire time are in Quartz's store and
/// shared by every node; how each run ended is known only where it ran, and starts empty after a restart).
/// </summary>
internal sealed class JobRuns(TimeProvider clock)
{
    private readonly ConcurrentDictionary<JobKey, JobRun> runs = new();

    public JobRun? Find(JobKey key) => runs.GetValueOrDefault(key);

    public IReadOnlyDictionary<JobKey, JobRun> All => runs;

    public void Started(JobKey key)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        runs.AddOrUpdate(
            key,
            _ => new JobRun(now, null, null, false, null, null, null, 1, 0),
            (_, last) => last with { StartedAt = now, FinishedAt = null, Duration = null, Failed = false, Error = null, Runs = last.Runs + 1 });
    }

    public void Finished(JobKey key, TimeSpan duration, Exception? error)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var message = error is null ? null : (error.InnerException ?? error).Message;
        runs.AddOrUpdate(
            key,
            _ => new JobRun(now, now, duration, error is not null, message, error is null ? null : now, message, 1, error is null ? 0 : 1),
            (_, last) => error is null
                ? last with { FinishedAt = now, Duration = duration, Failed = false, Error = null }
                : last with { FinishedAt = now, Duration = duration, Failed = true, Error = message, LastFailureAt = now, LastFailure = message, Failures = last.Failures + 1 });
    }
}
