using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Events;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Queues.Routing;

/// <summary>An agent wrote: the conversation is answered and its first-response deadline goes away.</summary>
internal sealed class FollowFirstResponse(RoutingStore store) : IEventHandler<AgentReplied>
{
    public Task HandleAsync(AgentReplied replied, CancellationToken cancellationToken) =>
        store.Db.Set<WorkItem>()
            .Where(w => w.Kind == WorkItemKind.Conversation && w.SubjectId == replied.ConversationId && w.AnsweredAt == null)
            .ExecuteUpdateAsync(
                s => s
                    .SetProperty(w => w.AnsweredAt, replied.At)
                    .SetProperty(w => w.FirstResponseDueAt, (DateTime?)null)
                    .SetProperty(w => w.Version, w => w.Version + 1),
                cancellationToken);
}
