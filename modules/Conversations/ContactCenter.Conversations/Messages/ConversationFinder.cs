using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Leads.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Messages;

/// <summary>
/// The open conversation of a contact on a channel account, or a new one. A new one is an arrival: Leads records it
/// (lead match, new vs returning) and routing places it, in the same unit of work, through
/// <see cref="ConversationOpened"/>.
/// </summary>
internal sealed class ConversationFinder(ContactCenterDbContext db, IContactsApi contacts, IEventBus events, TimeProvider clock)
{
    public async Task<Conversation> FindOrOpenAsync(
        Guid channelAccountId, InboundContact contact, DateTime at, string? firstText, CancellationToken cancellationToken)
    {
        var conversation = await db.Set<Conversation>()
            .Where(c => c.ChannelAccountId == channelAccountId && c.ContactId == contact.ContactId && c.Status != ConversationStatus.Finished)
            .OrderByDescending(c => c.LastMessageAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (conversation is not null)
        {
            conversation.ContactName ??= contact.DisplayName;
            return conversation;
        }

        conversation = new Conversation
        {
            ContactId = contact.ContactId,
            ContactName = contact.DisplayName,
            ContactPhone = contact.Phone ?? string.Empty,
            ChannelAccountId = channelAccountId,
            Status = ConversationStatus.New,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            LastMessageAt = at,
        };
        db.Add(conversation);

        var arrival = await contacts.RecordArrivalAsync(contact.ContactId, channelAccountId, conversation.Id, firstText, at, cancellationToken);
        conversation.ProductId = arrival.ProductId;
        conversation.TeamId = arrival.TeamId;
        await events.PublishAsync(
            new ConversationOpened(
                conversation.Id, contact.ContactId, channelAccountId, arrival.ProductId, arrival.TeamId, arrival.OwnerAgentId, arrival.IsReturning, conversation.CreatedAt),
            cancellationToken);
        return conversation;
    }
}
