using ContactCenter.Channels.Contracts;
using ContactCenter.Channels.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Channels.Accounts;

internal static class GetChannelAccount
{
    internal sealed class Handler(ContactCenterDbContext db, IChannelPluginCatalog catalog, ChannelSecrets secrets)
    {
        public async Task<Result<ChannelAccountView>> HandleAsync(Guid id, CancellationToken cancellationToken) =>
            await db.Set<ChannelAccount>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is { } account
                ? ChannelAccountView.From(account, catalog, secrets)
                : Error.NotFound("The channel account");
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/channel-accounts/{id:guid}", async Task<Results<Ok<ChannelAccountView>, ProblemHttpResult>> (Guid id, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, ct)).ToHttp(TypedResults.Ok))
        .WithName("GetChannelAccount")
        .WithSummary("Get a channel account")
        .WithDescription("The account and its settings; secrets that are set show as \"********\", never their value.")
        .WithTags("Channel accounts")
        .RequireAuthorization(Policies.Admin);
}
