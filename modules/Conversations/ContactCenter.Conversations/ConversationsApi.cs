using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Listing;

namespace ContactCenter.Conversations;

internal sealed class ConversationsApi(GetConversation.Handler get) : IConversationsApi
{
    public async Task<ConversationSummary?> FindVisibleAsync(Guid conversationId, CancellationToken cancellationToken) =>
        (await get.HandleAsync(conversationId, cancellationToken)) is { IsSuccess: true } result ? result.Value : null;
}
