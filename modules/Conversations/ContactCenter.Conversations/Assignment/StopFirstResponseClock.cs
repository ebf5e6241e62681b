using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;

namespace ContactCenter.Conversations.Routing;

/// <summary>An agent wrote: the countdown on the conversation stops, as routing's first-response deadline does.</summary>
internal sealed class StopFirstResponseClock(ContactCenterDbContext db) : IEventHandler<AgentReplied>
{
    public async Task HandleAsync(AgentReplied replied, CancellationToken cancellationToken)
    {
        // Find sees the tracked row: the reply is in this same unit of work.
        if (await db.Set<Conversation>().FindAsync([replied.ConversationId], cancellationToken) is { } conversation)
        {
            conversation.FirstResponseDueAt = null;
        }
    }
}
