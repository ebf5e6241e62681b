using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Listing;
using ContactCenter.Conversations.Messages;

namespace ContactCenter.Conversations;

internal sealed class ConversationsApi(GetConversation.Handler get, ContactThreads threads, ListContactConversations.Handler ofContact, MessagesById byId, AddBotMessage bot) : IConversationsApi
{
    public async Task<ConversationSummary?> FindVisibleAsync(Guid conversationId, CancellationToken cancellationToken) =>
        (await get.HandleAsync(conversationId, cancellationToken)) is { IsSuccess: true } result ? result.Value : null;

    public Task<ContactThread> ListThreadAsync(Guid channelAccountId, string phone, CancellationToken cancellationToken) =>
        threads.ListAsync(channelAccountId, phone, cancellationToken);

    public Task<ContactMediaFile?> FindContactMediaAsync(Guid channelAccountId, string phone, Guid mediaId, CancellationToken cancellationToken) =>
        threads.FindMediaAsync(channelAccountId, phone, mediaId, cancellationToken);

    public async Task<IReadOnlyList<ContactConversation>> ListOfContactAsync(Guid contactId, int messagesEach, CancellationToken cancellationToken) =>
        (await ofContact.HandleAsync(contactId, messagesEach, cancellationToken)).Value ?? [];

    public Task<VisibleMessages?> FindVisibleMessagesAsync(Guid conversationId, IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken) =>
        byId.FindVisibleAsync(conversationId, messageIds, cancellationToken);

    public Task<IReadOnlyList<MessageDto>> ListMessagesByIdAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken) =>
        byId.ListAsync(messageIds, cancellationToken);

    public Task<BotSendOutcome> AddBotMessageAsync(Guid conversationId, string text, CancellationToken cancellationToken) =>
        bot.AddAsync(conversationId, text, cancellationToken);
}
