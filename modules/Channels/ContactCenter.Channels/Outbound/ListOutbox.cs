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

internal static class ListOutbox
{
    private const int Limit = 200;

    internal sealed class Handler(ContactCenterDbContext db)
    {
        /// <summary>Rows in one status, newest first; without a status, the ones needing attention (failed, pending, sending).</summary>
        public async Task<Result<IReadOnlyList<OutboxItem>>> HandleAsync(string? status, CancellationToken cancellationToken)
        {
            OutboxStatus[] statuses = [OutboxStatus.Failed, OutboxStatus.Pending, OutboxStatus.Sending];
            if (!string.IsNullOrWhiteSpace(status))
            {
                if (!Enum.TryParse<OutboxStatus>(status.Trim(), ignoreCase: true, out var one) || int.TryParse(status, out _))
                {
                    return Error.Validation("status", "Use one of: pending, sending, accepted, failed.");
                }

                statuses = [one];
            }

            var rows = await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => statuses.Contains(m.Status))
                .OrderByDescending(m => m.CreatedAt)
                .Take(Limit)
                .ToListAsync(cancellationToken);
            return rows.Select(OutboxItem.From).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/outbox", async Task<Results<Ok<IReadOnlyList<OutboxItem>>, ProblemHttpResult>> (string? status, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(status, ct)).ToHttp(TypedResults.Ok))
        .WithName("ListOutbox")
        .WithSummary("List outbound messages waiting, being sent or failed")
        .WithDescription("?status=pending|sending|accepted|failed (default: failed, pending and sending), newest first, at most 200. " +
            "Each item has the provider's error (errorKind, errorCode, errorText) and the plain words for it (reason, reasonCode).")
        .WithTags("Outbox")
        .RequireAuthorization(Policies.Admin);
}
