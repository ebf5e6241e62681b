using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Leads.Tasks;

/// <summary>
/// Who sees which tasks: the rule's lead-tasks row (<see cref="VisibilityRule.LeadTasks"/>: admins and supervisors all,
/// an agent the tasks handed to them and the unassigned ones of their teams, as the conversation pool).
/// </summary>
internal sealed class TaskVisibility(ICurrentUser caller)
    : RecordVisibility<LeadTask>(caller, VisibilityRule.LeadTasks, t => t.AssignedAgentId, t => t.TeamId);
