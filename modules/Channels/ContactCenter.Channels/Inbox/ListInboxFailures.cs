using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Channels.Inbox;

/// <summary>Webhooks that could not be processed, kept raw for admins to look at and re-process after a fix.</summary>
internal static class ListInboxFailures
{
    internal sealed record InboxFailureView(Guid Id, Guid ChannelAccountId, DateTime ReceivedAt, string Reason, int Attempts);

    internal sealed record Page(IReadOnlyList<InboxFailureView> Items);

    internal sealed class Handler(ContactCenterDbContext db)
    {
        public async Task<Page> HandleAsync(CancellationToken cancellationToken) => new(await db.Set<InboxEntry>().AsNoTracking()
            .Where(e => e.Status == InboxStatus.Failed)
            .OrderByDescending(e => e.ReceivedAt)
            .Take(500)
            .Select(e => new InboxFailureView(e.Id, e.ChannelAccountId, e.ReceivedAt, e.Error ?? string.Empty, e.Attempts))
            .ToListAsync(cancellationToken));
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/inbox-failures", async Task<Ok<Page>> (Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
        .WithName("ListInboxFailures")
        .WithSummary("List webhooks that failed processing (newest first, at most 500)")
        .WithTags("Inbox")
        .RequireAuthorization(Policies.Admin);
}
