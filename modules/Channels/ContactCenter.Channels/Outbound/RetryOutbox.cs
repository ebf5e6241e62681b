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

namespace ContactCenter.Channels.Outbound;

internal static class RetryOutbox
{
    internal sealed class Handler(ContactCenterDbContext db, OutboxSignal signal, TimeProvider clock, IAuditLog audit)
    {
        public async Task<Result<OutboxItem>> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            var row = await db.Set<OutboxMessage>().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
            if (row is null)
            {
                return Error.NotFound("The outbox message");
            }

            if (!OutboxItem.IsRetryable(row))
            {
                return Error.Conflict("outbox_not_retryable",
                    "Only messages that failed for a temporary reason (provider unavailable, rate limited) can be retried.");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var before = Snapshot(row);
            row.Status = OutboxStatus.Pending;
            row.Attempts = 0;
            row.NextAttemptAt = now;
            row.ReasonCode = null;
            row.UpdatedAt = now;
            audit.Record("outbox.retried", AuditTarget.Of("outboxMessage", row.Id, null), before, Snapshot(row));
            await db.SaveChangesAsync(cancellationToken);
            signal.Wake();
            return OutboxItem.From(row);
        }

        private static object Snapshot(OutboxMessage row) => new { row.Status, row.Attempts, row.ReasonCode };
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/outbox/{id:guid}/retry", async Task<Results<Ok<OutboxItem>, ProblemHttpResult>> (Guid id, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, ct)).ToHttp(TypedResults.Ok))
        .WithName("RetryOutboxMessage")
        .WithSummary("Send a failed outbound message again")
        .WithDescription("For messages that failed for a temporary reason (errorKind retryable or rateLimited): back to pending with " +
            "fresh attempts. A closed window, bad recipient or template problem answers 409 outbox_not_retryable.")
        .WithTags("Outbox")
        .RequireAuthorization(Policies.Admin);
}
