namespace ContactCenter.Conversations.Contracts;

/// <summary>What other modules may ask the Conversations module; every answer honours the caller's visibility.</summary>
public interface IConversationsApi
{
    /// <summary>The conversation if the current caller may see it, else null (whether it exists or not).</summary>
    Task<ConversationSummary?> FindVisibleAsync(Guid conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// The last messages between a phone (E.164 digits) and a channel account, oldest first. No visibility rule:
    /// only for the sandbox phone page, which plays that contact and checks the account is a sandbox one.
    /// </summary>
    Task<ContactThread> ListThreadAsync(Guid channelAccountId, string phone, CancellationToken cancellationToken);

    /// <summary>
    /// A downloaded media file of the thread between a phone and a channel account, else null. No visibility rule: only
    /// for the sandbox phone page, which plays that contact (its public link grants exactly that account and phone).
    /// </summary>
    Task<ContactMediaFile?> FindContactMediaAsync(Guid channelAccountId, string phone, Guid mediaId, CancellationToken cancellationToken);

    /// <summary>
    /// The contact's conversations the caller may see, newest first, each with its last <paramref name="messagesEach"/>
    /// messages (for the contact page).
    /// </summary>
    Task<IReadOnlyList<ContactConversation>> ListOfContactAsync(Guid contactId, int messagesEach, CancellationToken cancellationToken);

    /// <summary>
    /// The messages of <paramref name="messageIds"/> that belong to the conversation, with the conversation, if the
    /// caller may see it; else null (whether it exists or not). For records made from picked messages (a ticket).
    /// </summary>
    Task<VisibleMessages?> FindVisibleMessagesAsync(Guid conversationId, IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken);

    /// <summary>
    /// Messages by id, oldest first, whatever their conversation. No visibility rule: only for a record whose own
    /// visibility grants the messages linked to it (a ticket shows its messages to whoever may see the ticket).
    /// </summary>
    Task<IReadOnlyList<MessageDto>> ListMessagesByIdAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the chatbot's text to the conversation and the outbox, marked as sent by the bot, only inside the 24-hour
    /// window. Does NOT save: the caller's step saves, so the message and its outbox row commit with it. No visibility
    /// rule: only for the bot, which acts on conversations it holds.
    /// </summary>
    Task<BotSendOutcome> AddBotMessageAsync(Guid conversationId, string text, CancellationToken cancellationToken);

}
