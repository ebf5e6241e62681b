using ContactCenter.Channels.Contracts;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Conversations.Messages;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Realtime;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Notices;

/// <summary>
/// A message of the contact's was stored: whoever shows that contact's thread (the sandbox phone) re-reads it after the
/// commit instead of polling. (A reply moving on — accepted, delivered, read, failed — is told to the same thread by
/// <see cref="NotifyDeliveryStatus"/>, which finds that conversation anyway.) Runs in the notify phase, after
/// <see cref="StoreInboundMessages"/> (record phase), so the row it looks up is already in this unit of work.
/// </summary>
[RunsIn(EventPhase.Notify)]
internal sealed class NotifyContactThread(ContactCenterDbContext db, InboundLookups lookups, INotifier notifier) : IEventHandler<InboundMessageReceived>
{
    public async Task HandleAsync(InboundMessageReceived received, CancellationToken cancellationToken)
    {
        var message = lookups.TrackedMessages.FirstOrDefault(m =>
            m.ChannelAccountId == received.ChannelAccountId && m.ProviderMessageId == received.ProviderMessageId);
        // Find sees the tracked row first: a conversation opened in this unit of work is not saved yet.
        if (message is not null && db.Entry(message).State == EntityState.Added
            && await db.Set<Conversation>().FindAsync([message.ConversationId], cancellationToken) is { ContactPhone: { Length: > 0 } phone } conversation)
        {
            notifier.Notify(new TopicNotice(ContactThreadTopic.For(conversation.ChannelAccountId, phone), NoticeKinds.Message, null, string.Empty));
        }
    }
}
