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
/// An outbound message moved on (accepted by the channel, delivered, read, failed): whoever has the conversation
/// open sees the ticks change without reloading (the bubble stayed "pendente" before), and so does whoever shows the
/// contact's side of it (the sandbox phone). Quiet: no banner, no chime.
/// Runs in the notify phase, after <see cref="ApplyDeliveryStatus"/> and <see cref="RecordSendOutcome"/> (record phase); delivered after the commit.
/// </summary>
[RunsIn(EventPhase.Notify)]
internal sealed class NotifyDeliveryStatus(ContactCenterDbContext db, INotifier notifier)
    : IEventHandler<DeliveryStatusReceived>, IEventHandler<OutboundMessageAccepted>, IEventHandler<OutboundMessageFailed>
{
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
        if (conversationId is null || await db.Set<Conversation>().FindAsync([conversationId.Value], cancellationToken) is not { } conversation)
        {
            return; // a status of a message this installation never sent, or a receipt of another module
        }

        if (conversation.ContactPhone is { Length: > 0 } phone)
        {
            notifier.Notify(new TopicNotice(ContactThreadTopic.For(conversation.ChannelAccountId, phone), NoticeKinds.Message, null, string.Empty));
        }

        var who = conversation.ContactName ?? "+" + conversation.ContactPhone;
        if (conversation.AssignedAgentId is { } agent)
        {
            notifier.Notify(new UserNotice(agent, NoticeKinds.Delivery, conversation.Id, who));
        }
        else if (conversation.TeamId is { } team)
        {
            notifier.Notify(new TeamNotice(team, NoticeKinds.Delivery, conversation.Id, who));
        }
    }
}
