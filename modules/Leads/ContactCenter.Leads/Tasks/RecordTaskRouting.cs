using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Leads.Contacts;
using ContactCenter.Leads.Timeline;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Leads.Tasks;

/// <summary>Routing handed an unanswered-lead task to an agent (idempotent: the same hand-out twice changes nothing).</summary>
[RunsIn(EventPhase.Follow)]
internal sealed class RecordTaskRouting(ContactCenterDbContext db, ContactTimeline timeline) : IEventHandler<LeadTaskRouted>
{
    public async Task HandleAsync(LeadTaskRouted routed, CancellationToken cancellationToken)
    {
        var task = await db.Set<LeadTask>().FindAsync([routed.TaskId], cancellationToken);
        if (task is null || task.Status == LeadTaskStatus.Done || task.AssignedAgentId == routed.AgentId)
        {
            return;
        }

        task.Status = LeadTaskStatus.Assigned;
        task.AssignedAgentId = routed.AgentId;
        timeline.Add(task.ContactId, routed.At, TimelineKinds.TaskAssigned,
            $"The call-back task went to {routed.AgentName ?? "an agent"}.", agentId: routed.AgentId);
    }
}
