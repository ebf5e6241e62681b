using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Leads.Contracts;
using ContactCenter.Leads.Timeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Leads.Tasks;

internal static class CompleteTask
{
    internal sealed record Request(string? Note = null);

    internal sealed class Handler(
        ContactCenterDbContext db, TaskVisibility visibility, TaskViews views, ContactTimeline timeline, IDomainEvents events, ICurrentUser caller, TimeProvider clock)
    {
        public async Task<Result<LeadTaskDto>> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
        {
            var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
            if (note is { Length: > 1000 })
            {
                return Error.Validation("note", "The note may have at most 1000 characters.");
            }

            var tasks = await visibility.ApplyAsync(db.Set<LeadTask>(), cancellationToken);
            var task = await tasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (task is null)
            {
                return Error.NotFound("The task");
            }

            // Done twice is still done: a double click must not fail or write the timeline again.
            if (task.Status != LeadTaskStatus.Done)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                task.Status = LeadTaskStatus.Done;
                task.DoneAt = now;
                task.Note = note;
                task.AssignedAgentId ??= caller.IsApiKey ? null : caller.UserId;
                timeline.Add(task.ContactId, now, TimelineKinds.TaskDone,
                    $"{caller.DisplayName ?? "Someone"} finished the call-back task{(note is null ? "." : $": {note}")}",
                    agentId: caller.IsApiKey ? null : caller.UserId);
                events.Raise(new LeadTaskDone(task.Id, caller.IsApiKey ? null : caller.UserId, now));
                await db.SaveChangesAsync(cancellationToken);
            }

            return (await views.LoadAsync([task], cancellationToken))[0];
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/tasks/{id:guid}/done", async Task<Results<Ok<LeadTaskDto>, ProblemHttpResult>> (Guid id, HttpRequest http, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, await http.ReadOptionalJsonAsync<Request>(ct) ?? new Request(), ct)).ToHttp(TypedResults.Ok))
        .WithName("CompleteLeadTask")
        .WithSummary("Finish an unanswered-lead task")
        .WithDescription("The person was called or e-mailed; an optional JSON body {\"note\": \"...\"} puts a note on the contact's timeline. Finishing a finished task changes nothing.")
        .WithTags("Tasks")
        .RequireAuthorization(Policies.Agent);
}
