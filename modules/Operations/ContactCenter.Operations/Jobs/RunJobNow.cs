using ContactCenter.Kernel.Audit;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Quartz;

namespace ContactCenter.Operations.Jobs;

/// <summary>
/// "Executar agora": fires a job once, outside its schedule (the schedule stays as it is). A job that does not allow two
/// runs at once waits for the running one, as Quartz does for any fire.
/// </summary>
internal static class RunJobNow
{
    internal sealed record Started(string Group, string Name, DateTime RequestedAt);

    internal sealed class Handler(ISchedulerFactory schedulers, TimeProvider clock, ContactCenterDbContext db, IAuditLog audit)
    {
        public async Task<Result<Started>> HandleAsync(string group, string name, CancellationToken cancellationToken)
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            var key = new JobKey(name, group);
            if (!await scheduler.Exists(key, cancellationToken))
            {
                return new Error("job_not_found", $"Não há tarefa agendada '{group}/{name}'.", 404);
            }

            // Saved before the fire, so no run an admin asked for goes without its entry.
            audit.Record("job.runNow", new AuditTarget("job", $"{group}/{name}", name));
            await db.SaveChangesAsync(cancellationToken);
            await scheduler.TriggerJob(key, cancellationToken);
            return new Started(group, name, clock.GetUtcNow().UtcDateTime);
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/jobs/{group}/{name}/run", async Task<Results<Accepted<Started>, ProblemHttpResult>> (string group, string name, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(group, name, ct)).ToHttp(started => TypedResults.Accepted((string?)null, started)))
        .WithName("RunJobNow")
        .WithSummary("Run a scheduled job once, now")
        .WithDescription("202: the run is queued on the scheduler; GET /api/v1/jobs shows how it went. 404 job_not_found.")
        .WithTags("Scheduled jobs")
        .RequireAuthorization(Policies.Admin);
}
