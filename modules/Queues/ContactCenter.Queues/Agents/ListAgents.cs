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
    internal sealed class Handler(ContactCenterDbContext db, AgentScope scope, AgentViews views)
    {
        public async Task<IReadOnlyList<AgentDto>> HandleAsync(CancellationToken cancellationToken) =>
            await views.LoadAsync(await scope.ApplyAsync(db.Set<AgentProfile>(), cancellationToken), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/agents", async (Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
        .WithName("ListAgents")
        .WithSummary("List agents")
        .WithDescription("Agents and supervisors with presence, capacity, teams and products served: an admin sees everyone, a supervisor the members of their own teams.")
        .WithTags("Agents")
        .RequireAuthorization(Policies.Supervisor);
}
