using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Queues.Agents;

internal static class ListAgents
{
    internal sealed class Handler(ContactCenterDbContext db, AgentViews views)
    {
        public Task<IReadOnlyList<AgentDto>> HandleAsync(CancellationToken cancellationToken) =>
            views.LoadAsync(db.Set<AgentProfile>(), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/agents", async (Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
        .WithName("ListAgents")
        .WithSummary("List agents")
        .WithDescription("Every agent and supervisor with presence, capacity, teams and products served.")
        .WithTags("Agents")
        .RequireAuthorization(Policies.Supervisor);
}
