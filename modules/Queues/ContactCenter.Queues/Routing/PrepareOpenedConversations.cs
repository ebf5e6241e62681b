using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Events;

namespace ContactCenter.Queues.Routing;

/// <summary>
/// Before <see cref="RouteOpenedConversation"/> handles a wave of opened conversations one by one, reads the work items
/// they may already have with one query (an event delivered twice must not route a conversation again), instead of
/// one query per conversation.
/// </summary>
internal sealed class PrepareOpenedConversations(RoutingStore store) : IEventBatchPreparer<ConversationOpened>
{
    public Task PrepareAsync(IReadOnlyList<ConversationOpened> batch, CancellationToken cancellationToken) =>
        store.PreloadItemsAsync(WorkItemKind.Conversation, [.. batch.Select(e => e.ConversationId).Distinct()], cancellationToken);
}
