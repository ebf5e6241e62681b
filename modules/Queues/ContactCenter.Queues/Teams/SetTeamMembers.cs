using ContactCenter.Identity.Contracts;
using ContactCenter.Kernel.Audit;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Agents;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Queues.Teams;

/// <summary>The one way team membership changes (the agents page shows it, read-only).</summary>
internal static class SetTeamMembers
{
    internal sealed record Request(IReadOnlyList<Guid>? UserIds);

    internal sealed class Handler(ContactCenterDbContext db, IIdentityApi identity, AgentProfiles profiles, TeamViews views, IAuditLog audit)
    {
        public async Task<Result<TeamDto>> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
        {
            var team = await db.Set<Team>().Include(t => t.Members).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (team is null)
            {
                return Error.NotFound("The team");
            }

            var validator = new Validator();
            validator.Check(request.UserIds is not null, "userIds", "Send the complete list of member user ids (an empty list removes everyone).");
            var wanted = (request.UserIds ?? []).Distinct().ToList();
            var current = team.Members.Select(m => m.UserId).ToHashSet();
            foreach (var userId in wanted.Where(u => !current.Contains(u)))
            {
                var user = await identity.FindUserAsync(userId, cancellationToken);
                if (user is null)
                {
                    validator.Add("userIds", $"There is no user with id {userId}.");
                }
                else if (user.Role is not (Role.Agent or Role.Supervisor))
                {
                    validator.Add("userIds", $"{user.DisplayName} is an {user.Role.ToString().ToLowerInvariant()}: only agents and supervisors belong to teams.");
                }
                else if (!user.IsActive)
                {
                    validator.Add("userIds", $"{user.DisplayName} is deactivated.");
                }
            }

            if (!validator.IsValid)
            {
                return validator.ToError();
            }

            var before = TeamAudit.Members(team);
            team.Members.RemoveAll(m => !wanted.Contains(m.UserId));
            foreach (var userId in wanted.Where(u => !current.Contains(u)))
            {
                team.Members.Add(new TeamMember { TeamId = team.Id, UserId = userId });
                // Users created before this module existed have no routing profile yet.
                await profiles.EnsureAsync(userId, cancellationToken);
            }

            audit.Record("team.membersChanged", TeamAudit.Target(team), before, TeamAudit.Members(team));
            await db.SaveChangesAsync(cancellationToken);
            return (await views.LoadOneAsync(db.Set<Team>().Where(t => t.Id == id), cancellationToken))!;
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/teams/{id:guid}/members", async Task<Results<Ok<TeamDto>, ProblemHttpResult>> (Guid id, Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, request, ct)).ToHttp(TypedResults.Ok))
        .WithName("SetTeamMembers")
        .WithSummary("Set a team's members")
        .WithDescription("Replaces the team's members with the given user ids (agents and supervisors). This is the only way membership changes.")
        .WithTags("Teams")
        .RequireAuthorization(Policies.Admin);
}
