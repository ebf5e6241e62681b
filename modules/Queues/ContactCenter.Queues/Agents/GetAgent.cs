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

namespace ContactCenter.Queues.Agents;

internal static class GetAgent
{
    internal sealed class Handler(ContactCenterDbContext db, ICurrentUser caller, AgentScope scope, AgentViews views)
    {
        public async Task<Result<AgentDto>> HandleAsync(Guid userId, CancellationToken cancellationToken)
        {
            if (caller.UserId != userId && !caller.IsAtLeast(Role.Supervisor))
            {
                return Error.Forbidden("Agents may only read their own profile.");
            }

            // Another team's agent is not a supervisor's business: not found, as if they did not exist.
            var visible = await scope.ApplyAsync(db.Set<AgentProfile>().Where(a => a.UserId == userId), cancellationToken);
            return (await views.LoadAsync(visible, cancellationToken)).SingleOrDefault() is { } agent ? agent : Error.NotFound("The agent");
        }

        /// <summary>The caller's own profile; admins (and API keys) have none.</summary>
        public async Task<Result<AgentDto>> HandleMineAsync(CancellationToken cancellationToken) =>
            caller.UserId is { } id && !caller.IsApiKey && await views.LoadOneAsync(id, cancellationToken) is { } agent
                ? agent
                : Error.NotFound("Your agent profile");
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/agents/{userId:guid}", async Task<Results<Ok<AgentDto>, ProblemHttpResult>> (Guid userId, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(userId, ct)).ToHttp(TypedResults.Ok))
            .WithName("GetAgent")
            .WithSummary("Get an agent")
            .WithDescription("Admins read anyone's profile, supervisors their own teams' members (404 for others), an agent only their own.")
            .WithTags("Agents")
            .RequireAuthorization(Policies.Agent);
        api.MapGet("/agents/me", async Task<Results<Ok<AgentDto>, ProblemHttpResult>> (Handler handler, CancellationToken ct) =>
                (await handler.HandleMineAsync(ct)).ToHttp(TypedResults.Ok))
            .WithName("GetMyAgentProfile")
            .WithSummary("Get my agent profile")
            .WithDescription("The caller's presence, capacity, teams and products. 404 for users without a profile (admins, API keys).")
            .WithTags("Agents")
            .RequireAuthorization(Policies.Agent);
    }
}
