using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Leads.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Leads.Tasks;

internal static class ListTasks
{
    public const int MaxItems = 200;

    internal sealed record Query(bool? Mine = null, string? Status = null);

    internal sealed class Handler(ContactCenterDbContext db, TaskVisibility visibility, TaskViews views, ICurrentUser caller)
    {
        public async Task<Result<IReadOnlyList<LeadTaskDto>>> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var status = query.Status?.Trim().ToLowerInvariant();
            if (!string.IsNullOrEmpty(status) && !LeadTaskStatus.All.Contains(status))
            {
                return Error.Validation("status", "The status must be open, assigned or done.");
            }

            var tasks = await visibility.ApplyAsync(db.Set<LeadTask>().AsNoTracking(), cancellationToken);
            if (query.Mine == true)
            {
                var me = caller.UserId ?? Guid.Empty;
                tasks = tasks.Where(t => t.AssignedAgentId == me);
            }

            if (!string.IsNullOrEmpty(status))
            {
                tasks = tasks.Where(t => t.Status == status);
            }

            var rows = await tasks.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Take(MaxItems).ToListAsync(cancellationToken);
            return (await views.LoadAsync(rows, cancellationToken)).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/tasks", async Task<Results<Ok<IReadOnlyList<LeadTaskDto>>, ProblemHttpResult>> ([AsParameters] Query query, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(query, ct)).ToHttp(TypedResults.Ok))
        .WithName("ListLeadTasks")
        .WithSummary("List unanswered-lead tasks")
        .WithDescription($"Oldest first (at most {MaxItems}): leads that never reached WhatsApp, with the name, phone and e-mail to call. " +
            "mine=true: only the caller's; status=open|assigned|done. Agents see theirs and the unassigned ones of their teams.")
        .WithTags("Tasks")
        .RequireAuthorization(Policies.Agent);
}
