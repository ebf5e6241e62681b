using ContactCenter.Channels.Contracts;
using ContactCenter.Channels.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Channels.Accounts;

internal static class ListChannelAccounts
{
    internal sealed class Handler(ContactCenterDbContext db, IChannelPluginCatalog catalog, ChannelSecrets secrets)
    {
        public async Task<IReadOnlyList<ChannelAccountView>> HandleAsync(CancellationToken cancellationToken) =>
            (await db.Set<ChannelAccount>().AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken))
                .Select(a => ChannelAccountView.From(a, catalog, secrets))
                .ToList();
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/channel-accounts", async (Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
        .WithName("ListChannelAccounts")
        .WithSummary("List channel accounts")
        .WithDescription("Every channel account with its plugin and settings; secrets that are set show as \"********\".")
        .WithTags("Channel accounts")
        .RequireAuthorization(Policies.Admin);
}
