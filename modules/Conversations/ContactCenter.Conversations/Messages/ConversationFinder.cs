using ContactCenter.Conversations.Contacts;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Messages;

/// <summary>The open conversation of a contact on a channel account, or a new unassigned one (routing comes later).</summary>
internal sealed class ConversationFinder(ContactCenterDbContext db, TimeProvider clock)
{
    public async Task<Conversation> FindOrOpenAsync(Guid channelAccountId, Contact contact, DateTime at, CancellationToken cancellationToken)
    {
        var conversation = await db.Set<Conversation>()
            .Where(c => c.ChannelAccountId == channelAccountId && c.ContactId == contact.Id && c.Status != ConversationStatus.Finished)
            .OrderByDescending(c => c.LastMessageAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (conversation is not null)
        {
            conversation.ContactName ??= contact.ProfileName;
            return conversation;
        }

        conversation = new Conversation
        {
            ContactId = contact.Id,
            ContactName = contact.ProfileName,
            ContactPhone = contact.Phone ?? string.Empty,
            ChannelAccountId = channelAccountId,
            Status = ConversationStatus.New,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            LastMessageAt = at,
        };
        db.Add(conversation);
        return conversation;
    }
}
