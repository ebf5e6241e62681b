using ContactCenter.Channels.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Identity;
using ContactCenter.Templates.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Templates.Statuses;

/// <summary>
/// Reads the provider's statuses for the accounts that have submitted templates and applies them as the webhook does
/// (in case a webhook was lost). Templates the provider does not list are left as they are; a provider that cannot
/// be reached is counted and skipped, so one account down does not hold back the others.
/// </summary>
internal static class SyncTemplates
{
    /// <param name="Unreachable">Accounts whose provider did not answer (tried again at the next sync).</param>
    internal sealed record Outcome(int Accounts, int Updated, int Unreachable = 0);

    internal sealed class Handler(ContactCenterDbContext db, IChannelTemplates channels, FollowTemplateStatus follow, TimeProvider clock)
    {
        public async Task<Outcome> HandleAsync(Guid? channelAccountId, CancellationToken cancellationToken)
        {
            var accounts = await db.Set<Template>()
                .Where(t => t.ProviderTemplateId != null && (channelAccountId == null || t.ChannelAccountId == channelAccountId))
                .Select(t => t.ChannelAccountId).Distinct().ToListAsync(cancellationToken);
            var updated = 0;
            var unreachable = 0;
            foreach (var account in accounts)
            {
                if (!await channels.SupportsTemplatesAsync(account, cancellationToken))
                {
                    continue;
                }

                var before = await Snapshot(account, cancellationToken);
                var now = clock.GetUtcNow().UtcDateTime;
                IReadOnlyList<ChannelTemplateReview> reviews;
                try
                {
                    reviews = await channels.SyncAsync(account, cancellationToken);
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException or NotSupportedException)
                {
                    unreachable++;
                    continue;
                }

                foreach (var review in reviews)
                {
                    await follow.HandleAsync(new TemplateStatusReceived(account, review.ProviderTemplateId, review.Name, review.Language, review.Status, review.Reason, now), cancellationToken);
                }

                await db.SaveChangesAsync(cancellationToken);
                var after = await Snapshot(account, cancellationToken);
                updated += after.Count(a => before.GetValueOrDefault(a.Key) != a.Value);
            }

            return new Outcome(accounts.Count, updated, unreachable);
        }

        private Task<Dictionary<Guid, string>> Snapshot(Guid account, CancellationToken cancellationToken) =>
            db.Set<Template>().Where(t => t.ChannelAccountId == account).ToDictionaryAsync(t => t.Id, t => t.Status, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/templates/sync", async (Guid? channelAccountId, Handler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(channelAccountId, ct)))
        .WithName("SyncTemplates")
        .WithSummary("Read the templates' review statuses from the providers now")
        .WithDescription("One account (channelAccountId) or every account with submitted templates; a job does the same every 15 minutes.")
        .WithTags("Templates")
        .RequireAuthorization(Policies.Admin);
}
