using ContactCenter.Kernel.Audit;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Queues.Agents;

internal static class SetPresence
{
    internal sealed record Request(AgentPresence? Presence);

    internal sealed class Handler(ContactCenterDbContext db, ICurrentUser caller, AgentScope scope, TimeProvider clock, IDomainEvents events, AgentViews views, IAuditLog audit)
    {
        public async Task<Result<AgentDto>> HandleAsync(Guid userId, Request request, CancellationToken cancellationToken)
        {
            if (caller.UserId != userId && !caller.IsAtLeast(Role.Supervisor))
            {
                return Error.Forbidden("Agents may only change their own presence.");
            }

            if (request.Presence is not { } presence || !Enum.IsDefined(presence))
            {
                return Error.Validation("presence", "The presence must be available, away or offline.");
            }

            // A supervisor moves their own teams' agents only; another team's are not found.
            var profile = await (await scope.ApplyAsync(db.Set<AgentProfile>(), cancellationToken)).FirstOrDefaultAsync(a => a.UserId == userId, cancellationToken);
            if (profile is null)
            {
                return Error.NotFound("The agent");
            }

            if (!profile.IsActive && presence != AgentPresence.Offline)
            {
                return Error.Conflict("agent_inactive", "This user is deactivated and cannot take conversations.");
            }

            // Setting the same presence again is not a change: no event, and the idle time is kept.
            if (profile.Presence != presence)
            {
                var previous = profile.Presence;
                profile.Presence = presence;
                profile.PresenceChangedAt = clock.GetUtcNow().UtcDateTime;
                events.Raise(new AgentPresenceChanged(userId, previous, presence, profile.PresenceChangedAt));
                // An agent's own presence is their day's routine; a supervisor moving someone else is worth recording.
                if (caller.UserId != userId)
                {
                    audit.Record("agent.presenceSet", AuditTarget.Of("agent", userId, null), new { Presence = previous }, new { Presence = presence });
                }

                await db.SaveChangesAsync(cancellationToken);
            }

            return (await views.LoadOneAsync(userId, cancellationToken))!;
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/agents/{userId:guid}/presence", async Task<Results<Ok<AgentDto>, ProblemHttpResult>> (Guid userId, Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(userId, request, ct)).ToHttp(TypedResults.Ok))
        .WithName("SetAgentPresence")
        .WithSummary("Set an agent's presence")
        .WithDescription("available, away or offline. Agents set their own, supervisors their own teams' agents' (404 for others), admins anyone's. Becoming available lets routing hand out waiting work.")
        .WithTags("Agents")
        .RequireAuthorization(Policies.Agent);
}
