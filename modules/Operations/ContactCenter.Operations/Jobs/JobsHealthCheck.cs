using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContactCenter.Operations.Jobs;

/// <summary>
/// On <c>/health/ready</c>: Degraded (still 200, the node keeps serving) while a job's last run on this node failed, naming
/// the jobs and their errors, so a monitor that only watches health still learns about a failing sweep.
/// </summary>
internal sealed class JobsHealthCheck(JobRuns runs) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failing = runs.All.Where(r => r.Value.Failed).OrderBy(r => r.Key.ToString(), StringComparer.Ordinal).ToList();
        return Task.FromResult(failing.Count == 0
            ? HealthCheckResult.Healthy("No scheduled job's last run failed on this node.")
            : HealthCheckResult.Degraded(
                $"Last run failed: {string.Join("; ", failing.Select(f => $"{f.Key}: {f.Value.Error}"))}",
                data: failing.ToDictionary(f => f.Key.ToString(), f => (object)(f.Value.Error ?? string.Empty))));
    }
}
