using ContactCenter.Channels.Contracts;
using ContactCenter.Channels.Domain;
using ContactCenter.Kernel.Audit;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Channels.Accounts;

internal static class DeleteChannelAccount
{
    internal sealed class Handler(ContactCenterDbContext db, IDomainEvents events, IAuditLog audit)
    {
        public async Task<Result<Guid>> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            var account = await db.Set<ChannelAccount>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (account is null)
            {
                return Error.NotFound("The channel account");
            }

            db.Set<ChannelAccount>().Remove(account);
            audit.Record("channelAccount.deleted", ChannelAccountAudit.Target(account), before: new { account.Name, account.PluginId });
            events.Raise(new ChannelAccountDeleted(id));
            await db.SaveChangesAsync(cancellationToken);
            return id;
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapDelete("/channel-accounts/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, ct)).ToHttp(_ => TypedResults.NoContent()))
        .WithName("DeleteChannelAccount")
        .WithSummary("Remove a channel account")
        .WithDescription("Its webhooks stop being accepted and its encrypted secrets are deleted.")
        .WithTags("Channel accounts")
        .RequireAuthorization(Policies.Admin);
}
