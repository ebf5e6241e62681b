using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Events;
using ContactCenter.Leads.Contracts;

namespace ContactCenter.Queues.Routing;

/// <summary>
/// A conversation was finished or a lead task done: the item is done, its agent has a free slot again, and a backlog
/// round runs at once to fill it.
/// </summary>
[RunsIn(EventPhase.Record)]
internal sealed class FinishWorkItems(RoutingStore store, RoundSignal signal) : IEventHandler<ConversationFinished>, IEventHandler<LeadTaskDone>
{
    public Task HandleAsync(ConversationFinished finished, CancellationToken cancellationToken) =>
        FinishAsync(WorkItemKind.Conversation, finished.ConversationId, cancellationToken);

    public Task HandleAsync(LeadTaskDone done, CancellationToken cancellationToken) =>
        FinishAsync(WorkItemKind.LeadTask, done.TaskId, cancellationToken);

    private async Task FinishAsync(WorkItemKind kind, Guid subjectId, CancellationToken cancellationToken)
    {
        // A round or claim may move the item between our read and our write: read again and retry.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var item = await store.FindAsync(kind, subjectId, cancellationToken);
            if (item is null || item.State == WorkItemState.Done)
            {
                return;
            }

            if (await store.TryFinishAsync(item, cancellationToken))
            {
                if (item.State == WorkItemState.Assigned && item.AssignedAgentId is { } agent)
                {
                    await store.ReleaseCapacityAsync(agent, cancellationToken);
                    signal.Wake();
                }

                return;
            }
        }
    }
}
