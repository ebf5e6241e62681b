using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Conversations.Notices;

/// <summary>Times the first reply of the assigned agent from the moment routing gave them the conversation.</summary>
[RunsIn(EventPhase.Notify)]
internal sealed class MeasureFirstResponse(ContactCenterDbContext db, ConversationMetrics metrics) : IEventHandler<ConversationAnswered>
{
    public async Task HandleAsync(ConversationAnswered answered, CancellationToken cancellationToken)
    {
        // Find sees the tracked row: the reply is in this same unit of work.
        if (await db.Set<Conversation>().FindAsync([answered.ConversationId], cancellationToken) is { AssignedAt: { } assignedAt })
        {
            metrics.Answered(answered.At - assignedAt);
        }
    }
}
