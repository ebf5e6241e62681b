using ContactCenter.Channels.Contracts;
using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Conversations.Messages;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Realtime;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Notices;

/// <summary>
/// The contact's side of the conversation changed: a message of theirs was stored, or a reply moved on (accepted,
/// delivered, read, failed). Whoever shows that contact's thread (the sandbox phone) re-reads it after the commit
/// instead of polling. Registered after <see cref="StoreInboundMessages"/>, <see cref="ApplyDeliveryStatus"/> and
/// <see cref="RecordSendOutcome"/>, so the row it looks up is already in this unit of work.
/// </summary>
internal sealed class NotifyContactThread(ContactCenterDbContext db, INotifier notifier)
    : IEventHandler<InboundMessageReceived>,
        IEventHandler<DeliveryStatusReceived>,
        IEventHandler<OutboundMessageAccepted>,
        IEventHandler<OutboundMessageFailed>
{
    public async Task HandleAsync(InboundMessageReceived received, CancellationToken cancellationToken)
    {
        var message = db.Set<Message>().Local.FirstOrDefault(m =>
            m.ChannelAccountId == received.ChannelAccountId && m.ProviderMessageId == received.ProviderMessageId);
        if (message is not null && db.Entry(message).State == EntityState.Added)
        {
            await NotifyAsync(message.ConversationId, cancellationToken);
        }
    }

    public async Task HandleAsync(DeliveryStatusReceived status, CancellationToken cancellationToken) =>
        await NotifyAsync(
            await db.Set<Message>().AsNoTracking()
                .Where(m => m.ChannelAccountId == status.ChannelAccountId && m.ProviderMessageId == status.ProviderMessageId)
                .Select(m => (Guid?)m.ConversationId)
                .FirstOrDefaultAsync(cancellationToken),
            cancellationToken);

    public Task HandleAsync(OutboundMessageAccepted accepted, CancellationToken cancellationToken) => ByMessageAsync(accepted.HostMessageId, cancellationToken);

    public Task HandleAsync(OutboundMessageFailed failed, CancellationToken cancellationToken) => ByMessageAsync(failed.HostMessageId, cancellationToken);

    private async Task ByMessageAsync(Guid messageId, CancellationToken cancellationToken) =>
        await NotifyAsync((await db.Set<Message>().FindAsync([messageId], cancellationToken))?.ConversationId, cancellationToken);

    private async Task NotifyAsync(Guid? conversationId, CancellationToken cancellationToken)
    {
        // Find sees the tracked row first: a conversation opened in this unit of work is not saved yet.
        if (conversationId is { } id && await db.Set<Conversation>().FindAsync([id], cancellationToken) is { ContactPhone: { Length: > 0 } phone } conversation)
        {
            notifier.Notify(new TopicNotice(ContactThreadTopic.For(conversation.ChannelAccountId, phone), NoticeKinds.Message, null, string.Empty));
        }
    }
}
