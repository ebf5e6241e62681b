namespace ContactCenter.Conversations.Contracts;

/// <summary>What other modules may ask the Conversations module; every answer honours the caller's visibility.</summary>
public interface IConversationsApi
{
    /// <summary>The conversation if the current caller may see it, else null (whether it exists or not).</summary>
    Task<ConversationSummary?> FindVisibleAsync(Guid conversationId, CancellationToken cancellationToken);
}
