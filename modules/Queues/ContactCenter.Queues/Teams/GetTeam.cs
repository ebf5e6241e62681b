using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Queues.Teams;

internal static class GetTeam
{
    internal sealed class Handler(ContactCenterDbContext db, ICurrentUser caller, TeamViews views)
    {
        public async Task<Result<TeamDto>> HandleAsync(Guid id, CancellationToken cancellationToken) =>
            await views.LoadOneAsync(ListTeams.VisibleTeams(db, caller).Where(t => t.Id == id), cancellationToken) is { } team
                ? team
                : Error.NotFound("The team");
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/teams/{id:guid}", async Task<Results<Ok<TeamDto>, ProblemHttpResult>> (Guid id, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, ct)).ToHttp(TypedResults.Ok))
        .WithName("GetTeam")
        .WithSummary("Get a team")
        .WithDescription("Agents get 404 for teams they do not belong to.")
        .WithTags("Teams")
        .RequireAuthorization(Policies.Agent);
}
