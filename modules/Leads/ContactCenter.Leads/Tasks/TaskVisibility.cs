using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Leads.Tasks;

/// <summary>
/// Admins and supervisors see every task; an agent the tasks handed to them and the unassigned ones of their teams
/// (the same rule as the conversation pool).
/// </summary>
internal sealed class TaskVisibility(ICurrentUser caller, IQueuesApi queues)
{
    public async Task<IQueryable<LeadTask>> ApplyAsync(IQueryable<LeadTask> tasks, CancellationToken cancellationToken)
    {
        if (!caller.IsAuthenticated || caller.UserId is not { } userId || caller.Role is not { } role)
        {
            return tasks.Where(_ => false);
        }

        if (role.Satisfies(Role.Supervisor))
        {
            return tasks;
        }

        List<Guid?> teamIds = caller.IsApiKey
            ? []
            : [.. (await queues.GetTeamIdsOfAsync(userId, cancellationToken)).Select(id => (Guid?)id)];
        return tasks.Where(t => t.AssignedAgentId == userId || (t.AssignedAgentId == null && teamIds.Contains(t.TeamId)));
    }
}
