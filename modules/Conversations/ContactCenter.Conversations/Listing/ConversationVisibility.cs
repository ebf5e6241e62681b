using ContactCenter.Conversations.Domain;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Conversations.Listing;

/// <summary>
/// THE visibility rule; every read of conversations goes through <see cref="ApplyAsync"/>:
/// an admin (user or API key) sees all; a supervisor every conversation of the teams they belong to (and any
/// assigned to them); an agent the ones assigned to them plus the unassigned ones of their teams. API keys
/// with the agent or supervisor role belong to no team and are assigned nothing, so they see nothing.
/// </summary>
internal sealed class ConversationVisibility(ICurrentUser caller, IQueuesApi queues)
{
    public async Task<IQueryable<Conversation>> ApplyAsync(IQueryable<Conversation> conversations, CancellationToken cancellationToken)
    {
        if (!caller.IsAuthenticated || caller.UserId is not { } userId || caller.Role is not { } role)
        {
            return conversations.Where(_ => false);
        }

        if (role == Role.Admin)
        {
            return conversations;
        }

        // An API key's id is no user id: asking Queues would be harmless, but say plainly that keys have no teams.
        List<Guid?> teamIds = caller.IsApiKey
            ? []
            : [.. (await queues.GetTeamIdsOfAsync(userId, cancellationToken)).Select(id => (Guid?)id)];

        return role == Role.Supervisor
            ? conversations.Where(c => c.AssignedAgentId == userId || teamIds.Contains(c.TeamId))
            : conversations.Where(c => c.AssignedAgentId == userId || (c.AssignedAgentId == null && teamIds.Contains(c.TeamId)));
    }
}
