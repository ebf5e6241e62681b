using ContactCenter.Channels.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Conversations.Messages;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Realtime;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Notices;

/// <summary>
/// A contact wrote in a conversation someone already has: its agent (or, unclaimed, its team) hears it after the
/// commit. Runs in the notify phase, after <see cref="StoreInboundMessages"/> (record phase), so the message is already in this unit of work.
/// A new conversation is announced by routing instead.
/// </summary>
[RunsIn(EventPhase.Notify)]
internal sealed class NotifyInboundMessages(ContactCenterDbContext db, InboundLookups lookups, INotifier notifier) : IEventHandler<InboundMessageReceived>
{
    public async Task HandleAsync(InboundMessageReceived received, CancellationToken cancellationToken)
    {
        var message = lookups.TrackedMessages.FirstOrDefault(m =>
            m.ChannelAccountId == received.ChannelAccountId && m.ProviderMessageId == received.ProviderMessageId);
        if (message is null || db.Entry(message).State != EntityState.Added)
        {
            return; // a duplicate delivery: nothing new
        }

        var conversation = await db.Set<Conversation>().FindAsync([message.ConversationId], cancellationToken);
        if (conversation is null || db.Entry(conversation).State == EntityState.Added)
        {
            return;
        }

        var who = conversation.ContactName ?? "+" + conversation.ContactPhone;
        if (conversation.AssignedAgentId is { } agent)
        {
            notifier.Notify(new UserNotice(agent, NoticeKinds.Message, conversation.Id, who));
        }
        else if (conversation.TeamId is { } team)
        {
            notifier.Notify(new TeamNotice(team, NoticeKinds.Message, conversation.Id, who));
        }
    }
}
