using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Leads.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Messages;

/// <summary>The conversation found or opened; <see cref="Opened"/> is set when it is new (the caller raises it).</summary>
internal sealed record FoundConversation(Conversation Conversation, ConversationOpened? Opened);

/// <summary>
/// The open conversation of a contact on a channel account, or a new one. A new one is an arrival: Leads records it
/// (lead match, new vs returning) and the finder describes it as <see cref="ConversationOpened"/>; it raises nothing
/// itself: the step that stores the message raises it, and routing places the conversation after that step.
/// </summary>
internal sealed class ConversationFinder(ContactCenterDbContext db, IContactsApi contacts, InboundLookups lookups, TimeProvider clock)
{
    public async Task<FoundConversation> FindOrOpenAsync(
        Guid channelAccountId, InboundContact contact, DateTime at, string? firstText, CancellationToken cancellationToken)
    {
        // Read into the unit of work (unless a batch's preparer did, or the contact is new: nothing of theirs is
        // stored), then chosen there: a conversation an earlier message of the same batch opened is not saved yet.
        if (!contact.IsNew && !lookups.HasConversations(channelAccountId, contact.ContactId))
        {
            await db.Set<Conversation>()
                .Where(c => c.ChannelAccountId == channelAccountId && c.ContactId == contact.ContactId && c.Status != ConversationStatus.Finished)
                .OrderByDescending(c => c.LastMessageAt)
                .Take(1)
                .LoadAsync(cancellationToken);
        }

        var conversation = lookups.TrackedConversations
            .Where(c => c.ChannelAccountId == channelAccountId && c.ContactId == contact.ContactId && c.Status != ConversationStatus.Finished)
            .OrderByDescending(c => c.LastMessageAt)
            .FirstOrDefault();
        if (conversation is not null)
        {
            conversation.ContactName ??= contact.DisplayName;
            return new FoundConversation(conversation, null);
        }

        // Leads records the arrival first: its team is the conversation's until routing decides.
        var id = Guid.CreateVersion7();
        var arrival = await contacts.RecordArrivalAsync(contact.ContactId, channelAccountId, id, firstText, at, cancellationToken);
        conversation = new Conversation
        {
            Id = id,
            ContactId = contact.ContactId,
            ContactName = contact.DisplayName,
            ContactPhone = contact.Phone ?? string.Empty,
            ChannelAccountId = channelAccountId,
            Status = ConversationStatus.New,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            LastMessageAt = at,
            ProductId = arrival.ProductId,
            TeamId = arrival.TeamId,
        };
        db.Add(conversation);

        return new FoundConversation(
            conversation,
            new ConversationOpened(
                conversation.Id, contact.ContactId, channelAccountId, arrival.ProductId, arrival.TeamId, arrival.OwnerAgentId, arrival.IsReturning, conversation.CreatedAt,
                LeadId: arrival.LeadId));
    }
}
