using ContactCenter.Conversations.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Conversations.Assignment;

/// <summary>
/// Keeps the conversation's read-only copy of its assignment (Queues owns it, on its work item) in step with routing's
/// events: where a decision put it (<see cref="ConversationRouted"/>) and when its agent answered in time
/// (<see cref="ConversationAnswered"/>). The only code of this module that changes those columns.
/// </summary>
[RunsIn(EventPhase.Record)]
internal sealed class ApplyRouting(ContactCenterDbContext db) : IEventHandler<ConversationRouted>, IEventHandler<ConversationAnswered>
{
    public async Task HandleAsync(ConversationRouted routed, CancellationToken cancellationToken)
    {
        // Find looks at the tracked rows first (a wave's are loaded by RoutedConversations; a conversation opened in
        // this unit of work is not saved yet).
        var conversation = await db.Set<Conversation>().FindAsync([routed.ConversationId], cancellationToken);
        conversation?.ApplyRouting(routed.TeamId, routed.AgentId, routed.At, routed.FirstResponseDueAt);
    }

    public async Task HandleAsync(ConversationAnswered answered, CancellationToken cancellationToken)
    {
        // Find sees the tracked row: the reply is in this same unit of work.
        var conversation = await db.Set<Conversation>().FindAsync([answered.ConversationId], cancellationToken);
        conversation?.ApplyAnswered();
    }
}
