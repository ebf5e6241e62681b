using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Listing;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Messages;

/// <summary>Messages picked by id, for other modules that keep a link to them (tickets): with or without the visibility rule.</summary>
internal sealed class MessagesById(ContactCenterDbContext db, GetConversation.Handler conversations)
{
    /// <summary>A ticket holds a few dozen messages at most; more is a client's mistake, not a reason for a large IN list.</summary>
    public const int MaxIds = 500;

    public async Task<VisibleMessages?> FindVisibleAsync(Guid conversationId, IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken)
    {
        if (await conversations.HandleAsync(conversationId, cancellationToken) is not { IsSuccess: true } found)
        {
            return null;
        }

        var ids = messageIds.Distinct().Take(MaxIds).ToList();
        var messages = await db.Set<Message>().AsNoTracking()
            .Where(m => m.ConversationId == conversationId && ids.Contains(m.Id))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        return new VisibleMessages(found.Value!, await MessageViews.ToDtosAsync(db, messages, cancellationToken));
    }

    public async Task<IReadOnlyList<MessageDto>> ListAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken)
    {
        var ids = messageIds.Distinct().Take(MaxIds).ToList();
        var messages = await db.Set<Message>().AsNoTracking()
            .Where(m => ids.Contains(m.Id))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        return await MessageViews.ToDtosAsync(db, messages, cancellationToken);
    }
}
