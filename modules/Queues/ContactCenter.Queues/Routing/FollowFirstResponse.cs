using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Events;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Queues.Routing;

/// <summary>
/// An agent wrote: the conversation is answered and its first-response deadline goes away. Queues owns the deadline:
/// it tells Conversations (<see cref="ConversationAnswered"/>), whose copy follows.
/// </summary>
[RunsIn(EventPhase.Record)]
internal sealed class FollowFirstResponse(RoutingStore store, IDomainEvents events) : IEventHandler<AgentReplied>
{
    public async Task HandleAsync(AgentReplied replied, CancellationToken cancellationToken)
    {
        await store.MarkAnsweredAsync(replied.ConversationId, replied.At, cancellationToken);
        events.Raise(new ConversationAnswered(replied.ConversationId, replied.At));
    }
}
