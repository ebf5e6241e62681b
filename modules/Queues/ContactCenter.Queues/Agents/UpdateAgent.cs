using ContactCenter.Kernel.Audit;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Realtime;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Domain;
using ContactCenter.Queues.LiveQueue;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Queues.Agents;

internal static class UpdateAgent
{
    /// <summary>
    /// What is left out stays as it is; <see cref="ProductIds"/> replaces the products served.
    /// <see cref="TeamIds"/> is refused on purpose: membership has one home, the team's members.
    /// </summary>
    internal sealed record Request(
        IReadOnlyList<Guid>? ProductIds = null,
        int? MaxConcurrentConversations = null,
        IReadOnlyList<Guid>? TeamIds = null,
        bool? InOutreachQueue = null);

    internal sealed class Handler(ContactCenterDbContext db, AgentViews views, INotifier notifier, IAuditLog audit)
    {
        public async Task<Result<AgentDto>> HandleAsync(Guid userId, Request request, CancellationToken cancellationToken)
        {
            var profile = await db.Set<AgentProfile>().Include(a => a.Products).FirstOrDefaultAsync(a => a.UserId == userId, cancellationToken);
            if (profile is null)
            {
                return Error.NotFound("The agent");
            }

            var validator = new Validator()
                .Check(
                    request.MaxConcurrentConversations is null or >= 1 and <= AgentProfile.MaxCapacity,
                    "maxConcurrentConversations",
                    $"Choose between 1 and {AgentProfile.MaxCapacity} simultaneous conversations.")
                .Check(
                    request.TeamIds is null,
                    "teamIds",
                    "Teams are changed on the team: PUT /api/v1/teams/{id}/members.");
            var wanted = request.ProductIds?.Distinct().ToList();
            if (wanted is { Count: > 0 })
            {
                var known = await db.Set<Product>().Where(p => wanted.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
                foreach (var missing in wanted.Except(known))
                {
                    validator.Add("productIds", $"There is no product with id {missing}.");
                }
            }

            if (!validator.IsValid)
            {
                return validator.ToError();
            }

            var before = Snapshot(profile);
            profile.MaxConcurrentConversations = request.MaxConcurrentConversations ?? profile.MaxConcurrentConversations;
            profile.InOutreachQueue = request.InOutreachQueue ?? profile.InOutreachQueue;
            if (wanted is not null)
            {
                profile.Products.RemoveAll(p => !wanted.Contains(p.ProductId));
                foreach (var id in wanted.Where(id => profile.Products.All(p => p.ProductId != id)))
                {
                    profile.Products.Add(new AgentProduct { UserId = userId, ProductId = id });
                }
            }

            // The live queue shows the capacity beside the load.
            NotifyLiveQueue.Notify(notifier);
            audit.Record("agent.updated", AuditTarget.Of("agent", userId, null), before, Snapshot(profile));
            await db.SaveChangesAsync(cancellationToken);
            return (await views.LoadOneAsync(userId, cancellationToken))!;
        }
    }

    private static object Snapshot(AgentProfile profile) => new
    {
        profile.MaxConcurrentConversations,
        profile.InOutreachQueue,
        ProductIds = profile.Products.Select(p => p.ProductId).Order().ToList(),
    };

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/agents/{userId:guid}", async Task<Results<Ok<AgentDto>, ProblemHttpResult>> (Guid userId, Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(userId, request, ct)).ToHttp(TypedResults.Ok))
        .WithName("UpdateAgent")
        .WithSummary("Change an agent's routing profile")
        .WithDescription("Products served (the list replaces the old one), maximum simultaneous conversations (1 to 100, default 5) and inOutreachQueue (outreach agents are never made away when their browser is closed). Teams are set with PUT /teams/{id}/members.")
        .WithTags("Agents")
        .RequireAuthorization(Policies.Admin);
}
