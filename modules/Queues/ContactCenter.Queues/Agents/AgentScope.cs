using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Domain;

namespace ContactCenter.Queues.Agents;

/// <summary>
/// Whose agent profiles the caller reads and acts on: an admin (or admin key) everyone's, a supervisor the members of
/// their own teams and themselves, an agent only themselves. API keys below admin belong to no team: no one.
/// Every read of profiles for a person (list, get, presence) goes through <see cref="ApplyAsync"/>.
/// </summary>
internal sealed class AgentScope(ContactCenterDbContext db, ICurrentUser caller)
{
    public async Task<IQueryable<AgentProfile>> ApplyAsync(IQueryable<AgentProfile> profiles, CancellationToken cancellationToken)
    {
        if (caller.IsAtLeast(Role.Admin))
        {
            return profiles;
        }

        if (!caller.IsAuthenticated || caller.IsApiKey || caller.UserId is not { } me)
        {
            return profiles.Where(_ => false);
        }

        if (!caller.IsAtLeast(Role.Supervisor))
        {
            return profiles.Where(p => p.UserId == me);
        }

        var teamIds = (await caller.GetTeamIdsAsync(cancellationToken)).ToList();
        var teammates = db.Set<TeamMember>().Where(m => teamIds.Contains(m.TeamId)).Select(m => m.UserId);
        return profiles.Where(p => p.UserId == me || teammates.Contains(p.UserId));
    }
}
