using ContactCenter.Kernel.Events;
using ContactCenter.Leads.Contracts;

namespace ContactCenter.Queues.Routing;

/// <summary>
/// An unanswered-lead task waits for the next backlog round (not handed out at once: the lead may still reach
/// WhatsApp, and rounds serve the oldest first). Its team is the one Leads names, else its product's.
/// </summary>
[RunsIn(EventPhase.Record)]
internal sealed class QueueLeadTask(RoutingStore store, TimeProvider clock) : IEventHandler<UnansweredLeadTaskCreated>
{
    public async Task HandleAsync(UnansweredLeadTaskCreated created, CancellationToken cancellationToken)
    {
        if (await store.HasItemAsync(WorkItemKind.LeadTask, created.TaskId, cancellationToken))
        {
            return;
        }

        store.AddWaiting(new WorkItem
        {
            Kind = WorkItemKind.LeadTask,
            SubjectId = created.TaskId,
            ContactId = created.ContactId,
            ProductId = created.ProductId,
            TeamId = created.TeamId,
            State = WorkItemState.Waiting,
            WaitingSince = created.CreatedAt,
            Version = 1,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
    }
}
