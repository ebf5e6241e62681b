using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Events;

namespace ContactCenter.Queues.Routing;

/// <summary>An agent wrote: the conversation is answered and its first-response deadline goes away.</summary>
internal sealed class FollowFirstResponse(RoutingStore store) : IEventHandler<AgentReplied>
{
    public Task HandleAsync(AgentReplied replied, CancellationToken cancellationToken) =>
        store.MarkAnsweredAsync(replied.ConversationId, replied.At, cancellationToken);
}
