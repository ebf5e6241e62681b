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

internal static class CreateTeam
{
    internal sealed record Request(
        string? Name,
        string? Description = null,
        TeamRoutingMode? RoutingMode = null,
        IReadOnlyList<Guid>? ChannelAccountIds = null);

    internal sealed class Handler(ContactCenterDbContext db, TimeProvider clock, TeamViews views, IChannelsApi channels, IAuditLog audit)
    {
        public async Task<Result<TeamDto>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            var validator = new Validator();
            TeamRules.CheckName(validator, request.Name);
            TeamRules.CheckDescription(validator, request.Description);
            TeamRules.CheckRoutingMode(validator, request.RoutingMode);
            await TeamRules.CheckChannelAccountsAsync(validator, request.ChannelAccountIds, channels, cancellationToken);
            if (!validator.IsValid)
            {
                return validator.ToError();
            }

            var normalized = Team.Normalize(request.Name!);
            if (await db.Set<Team>().AnyAsync(t => t.NormalizedName == normalized, cancellationToken))
            {
                return TeamRules.NameTaken(request.Name!);
            }

            var team = new Team
            {
                Name = request.Name!.Trim(),
                NormalizedName = normalized,
                Description = TeamRules.CleanDescription(request.Description),
                RoutingMode = request.RoutingMode ?? TeamRoutingMode.Auto,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            TeamRules.ReplaceChannelAccounts(team, request.ChannelAccountIds ?? []);
            db.Set<Team>().Add(team);
            audit.Record("team.created", TeamAudit.Target(team), after: TeamAudit.Snapshot(team));
            await db.SaveChangesAsync(cancellationToken);
            return (await views.LoadOneAsync(db.Set<Team>().Where(t => t.Id == team.Id), cancellationToken))!;
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/teams", async Task<Results<Created<TeamDto>, ProblemHttpResult>> (Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(request, ct)).ToHttp(team => TypedResults.Created($"/api/v1/teams/{team.Id}", team)))
        .WithName("CreateTeam")
        .WithSummary("Create a team")
        .WithDescription("Name (unique, ignoring case), description, routing mode (auto or pool) and the channel accounts it serves. Members are set with PUT /teams/{id}/members.")
        .WithTags("Teams")
        .RequireAuthorization(Policies.Admin);
}
