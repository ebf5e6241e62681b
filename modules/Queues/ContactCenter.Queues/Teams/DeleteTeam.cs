using ContactCenter.Kernel.Audit;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Queues.Teams;

internal static class DeleteTeam
{
    internal sealed class Handler(ContactCenterDbContext db, IAuditLog audit)
    {
        public async Task<Result<Guid>> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            var team = await db.Set<Team>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (team is null)
            {
                return Error.NotFound("The team");
            }

            // Deleting silently would strand people and products with no team: make the admin move them first.
            var members = await db.Set<TeamMember>().CountAsync(m => m.TeamId == id, cancellationToken);
            if (members > 0)
            {
                return Error.Conflict(
                    "team_has_members",
                    $"The team '{team.Name}' still has {members} member(s). Remove them from the team before deleting it.");
            }

            var products = await db.Set<Product>().CountAsync(p => p.TeamId == id, cancellationToken);
            if (products > 0)
            {
                return Error.Conflict(
                    "team_has_products",
                    $"The team '{team.Name}' still serves {products} product(s). Move them to another team or delete them first.");
            }

            db.Set<Team>().Remove(team);
            audit.Record("team.deleted", TeamAudit.Target(team), before: new { team.Name, team.Description, team.RoutingMode });
            await db.SaveChangesAsync(cancellationToken);
            return id;
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapDelete("/teams/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, ct)).ToHttp(_ => TypedResults.NoContent()))
        .WithName("DeleteTeam")
        .WithSummary("Delete a team")
        .WithDescription("Refused with 409 while the team has members or serves products.")
        .WithTags("Teams")
        .RequireAuthorization(Policies.Admin);
}
