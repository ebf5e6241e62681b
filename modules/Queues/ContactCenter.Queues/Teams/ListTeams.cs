using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Queues.Teams;

internal static class ListTeams
{
    internal sealed class Handler(ContactCenterDbContext db, ICurrentUser caller, TeamViews views)
    {
        public Task<IReadOnlyList<TeamDto>> HandleAsync(CancellationToken cancellationToken) =>
            views.LoadAsync(VisibleTeams(db, caller), cancellationToken);
    }

    /// <summary>Supervisors and admins see every team; an agent only the teams they belong to.</summary>
    internal static IQueryable<Team> VisibleTeams(ContactCenterDbContext db, ICurrentUser caller)
    {
        var teams = db.Set<Team>().AsQueryable();
        if (caller.IsAtLeast(Role.Supervisor))
        {
            return teams;
        }

        var userId = caller.UserId ?? Guid.Empty;
        return teams.Where(t => t.Members.Any(m => m.UserId == userId));
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/teams", async (Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
        .WithName("ListTeams")
        .WithSummary("List teams")
        .WithDescription("Every team with its routing mode, channel accounts and members. Agents see only the teams they belong to.")
        .WithTags("Teams")
        .RequireAuthorization(Policies.Agent);
}
