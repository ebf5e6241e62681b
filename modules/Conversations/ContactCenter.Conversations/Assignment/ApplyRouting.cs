using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Conversations.Routing;

/// <summary>
/// Puts a conversation where routing decided, in the deciding unit of work: with its team and agent, or back in the
/// team's pool / the backlog (no agent: status <see cref="ConversationStatus.New"/> until someone takes it).
/// </summary>
internal sealed class ApplyRouting(ContactCenterDbContext db) : IEventHandler<ConversationRouted>
{
    public async Task HandleAsync(ConversationRouted routed, CancellationToken cancellationToken)
    {
        // Find looks at the tracked rows first: a conversation opened in this unit of work is not saved yet.
        var conversation = await db.Set<Conversation>().FindAsync([routed.ConversationId], cancellationToken);
        if (conversation is null || conversation.Status == ConversationStatus.Finished)
        {
            return;
        }

        conversation.TeamId = routed.TeamId ?? conversation.TeamId;
        conversation.AssignedAgentId = routed.AgentId;
        conversation.AssignedAt = routed.AgentId is null ? null : routed.At;
        conversation.FirstResponseDueAt = routed.AgentId is null ? null : routed.FirstResponseDueAt;
        if (routed.AgentId is null)
        {
            conversation.Status = ConversationStatus.New;
        }
        else if (conversation.Status == ConversationStatus.New)
        {
            conversation.Status = ConversationStatus.AwaitingAgent;
        }
    }
}
