using ContactCenter.Channels.Contracts;
using ContactCenter.Kernel.Audit;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Queues.Teams;

internal static class UpdateTeam
{
    /// <summary>Every field is optional: what is left out stays as it is (an empty description clears it).</summary>
    internal sealed record Request(
        string? Name = null,
        string? Description = null,
        TeamRoutingMode? RoutingMode = null,
        IReadOnlyList<Guid>? ChannelAccountIds = null);

    internal sealed class Handler(ContactCenterDbContext db, TeamViews views, IChannelsApi channels, IAuditLog audit)
    {
        public async Task<Result<TeamDto>> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
        {
            var team = await db.Set<Team>().Include(t => t.ChannelAccounts).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (team is null)
            {
                return Error.NotFound("The team");
            }

            var validator = new Validator();
            if (request.Name is not null)
            {
                TeamRules.CheckName(validator, request.Name);
            }

            TeamRules.CheckDescription(validator, request.Description);
            TeamRules.CheckRoutingMode(validator, request.RoutingMode);
            await TeamRules.CheckChannelAccountsAsync(validator, request.ChannelAccountIds, channels, cancellationToken);
            if (!validator.IsValid)
            {
                return validator.ToError();
            }

            var before = TeamAudit.Snapshot(team);
            if (request.Name is not null)
            {
                var normalized = Team.Normalize(request.Name);
                if (await db.Set<Team>().AnyAsync(t => t.NormalizedName == normalized && t.Id != id, cancellationToken))
                {
                    return TeamRules.NameTaken(request.Name);
                }

                team.Name = request.Name.Trim();
                team.NormalizedName = normalized;
            }

            if (request.Description is not null)
            {
                team.Description = TeamRules.CleanDescription(request.Description);
            }

            team.RoutingMode = request.RoutingMode ?? team.RoutingMode;
            if (request.ChannelAccountIds is not null)
            {
                TeamRules.ReplaceChannelAccounts(team, request.ChannelAccountIds);
            }

            audit.Record("team.updated", TeamAudit.Target(team), before, TeamAudit.Snapshot(team));
            await db.SaveChangesAsync(cancellationToken);
            return (await views.LoadOneAsync(db.Set<Team>().Where(t => t.Id == id), cancellationToken))!;
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/teams/{id:guid}", async Task<Results<Ok<TeamDto>, ProblemHttpResult>> (Guid id, Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, request, ct)).ToHttp(TypedResults.Ok))
        .WithName("UpdateTeam")
        .WithSummary("Change a team")
        .WithDescription("Changes name, description, routing mode or the linked channel accounts (the list given replaces the old one).")
        .WithTags("Teams")
        .RequireAuthorization(Policies.Admin);
}
