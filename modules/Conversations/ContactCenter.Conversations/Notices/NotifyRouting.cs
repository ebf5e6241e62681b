using ContactCenter.Conversations.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Realtime;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Conversations.Notices;

/// <summary>
/// Tells people what a routing decision changed for them, once it is committed: the agent who got the conversation
/// (a returning contact's owner is told so), the agent who lost it, and the team whose pool it now waits in.
/// </summary>
[RunsIn(EventPhase.Notify)]
internal sealed class NotifyRouting(ContactCenterDbContext db, INotifier notifier) : IEventHandler<ConversationRouted>
{
    public async Task HandleAsync(ConversationRouted routed, CancellationToken cancellationToken)
    {
        // Find sees the tracked row first: a wave's are loaded by Assignment.RoutedConversations, and a conversation
        // opened in this unit of work is not saved yet.
        var conversation = await db.Set<Conversation>().FindAsync([routed.ConversationId], cancellationToken);
        var who = conversation is null ? string.Empty : conversation.ContactName ?? "+" + conversation.ContactPhone;
        var id = routed.ConversationId;

        if (routed.AgentId is { } agent && agent != routed.PreviousAgentId)
        {
            var kind = routed.Rule == RoutingRule.Owner ? NoticeKinds.Returning : NoticeKinds.Assigned;
            notifier.Notify(new UserNotice(agent, kind, id, who));
        }

        if (routed.PreviousAgentId is { } previous && previous != routed.AgentId)
        {
            notifier.Notify(new UserNotice(previous, NoticeKinds.Unassigned, id, who));
        }

        if ((routed.TeamId ?? conversation?.TeamId) is { } team)
        {
            // Offered to the pool: every member hears it. Taken from it: the others' pool lists drop it.
            notifier.Notify(new TeamNotice(team, routed.AgentId is null ? NoticeKinds.Pool : NoticeKinds.Claimed, id, who));
        }
    }
}
