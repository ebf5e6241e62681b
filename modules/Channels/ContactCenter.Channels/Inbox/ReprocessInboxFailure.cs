using ContactCenter.Kernel.Audit;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Channels.Inbox;

/// <summary>
/// Puts a failed webhook back in the queue (e.g. after a plugin upgrade). Safe to repeat: events it already
/// applied are skipped by their keys.
/// </summary>
internal static class ReprocessInboxFailure
{
    internal sealed record Reprocessed(Guid Id, string Status);

    internal sealed class Handler(ContactCenterDbContext db, InboxSignal signal, IAuditLog audit)
    {
        public async Task<Result<Reprocessed>> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            if (await db.Set<InboxEntry>().FirstOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } row)
            {
                return Error.NotFound("The inbox entry");
            }

            if (row.Status != InboxStatus.Failed)
            {
                return Error.Conflict("inbox_entry_not_failed", "Only a failed inbox entry can be re-processed.");
            }

            var before = new { row.Status };
            row.Status = InboxStatus.Pending;
            row.NextAttemptAt = null;
            row.ProcessedAt = null;
            audit.Record("inboxFailure.reprocessed", AuditTarget.Of("inboxEntry", row.Id, null), before, new { row.Status });
            await db.SaveChangesAsync(cancellationToken);
            signal.Wake();
            return new Reprocessed(row.Id, "pending");
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/inbox-failures/{id:guid}/reprocess", async Task<Results<Accepted<Reprocessed>, ProblemHttpResult>> (Guid id, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, ct)).ToHttp(r => TypedResults.Accepted((string?)null, r)))
        .WithName("ReprocessInboxFailure")
        .WithSummary("Put a failed webhook back in the processing queue")
        .WithTags("Inbox")
        .RequireAuthorization(Policies.Admin);
}
