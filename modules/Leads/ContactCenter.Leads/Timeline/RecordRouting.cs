using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Leads.Contacts;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Leads.Timeline;

/// <summary>
/// Routing placed a conversation: the contact's timeline says where and why, in plain words. The first agent a
/// contact gets becomes their owner (returning contacts go back to them); a transfer to an agent or a first-response
/// timeout hands the contact to the new agent. The names come with the event (routing had them): no look-up back into
/// Queues. Idempotent: a retried batch raises the same event again.
/// </summary>
[RunsIn(EventPhase.Follow)]
internal sealed class RecordRouting(ContactCenterDbContext db, RoutedContacts routedContacts, ContactTimeline timeline) : IEventHandler<ConversationRouted>
{
    public async Task HandleAsync(ConversationRouted routed, CancellationToken cancellationToken)
    {
        var kind = routed.Rule switch
        {
            RoutingRule.Owner => TimelineKinds.OwnerNotified,
            RoutingRule.FirstResponseTimeout => TimelineKinds.FirstResponseTimeout,
            RoutingRule.TransferToAgent or RoutingRule.TransferToTeam => TimelineKinds.Transferred,
            _ => TimelineKinds.Routed,
        };
        if (await routedContacts.HasLineAsync(routed, kind, cancellationToken)
            || await db.Set<Contact>().FindAsync([routed.ContactId], cancellationToken) is not { } contact)
        {
            return;
        }

        var agent = routed.AgentId is null ? null : routed.AgentName ?? "an agent";
        var previous = routed.PreviousAgentId is null ? null : routed.PreviousAgentName ?? "an agent";
        var team = routed.TeamId is null ? null : routed.TeamName ?? "an unknown team";
        var by = routed.ByUserId is null ? null : routed.ByName ?? "an agent";
        var text = routed.Rule switch
        {
            RoutingRule.Owner => $"Returning contact: the conversation went to their owner agent {agent}, who was notified.",
            RoutingRule.FirstResponseTimeout => $"{previous ?? "The agent"} did not answer in time; the conversation passed to {agent ?? "the team's queue"}.",
            RoutingRule.TransferToAgent => $"{by ?? "Someone"} transferred the conversation to {agent}.",
            RoutingRule.TransferToTeam => $"{by ?? "Someone"} transferred the conversation to the team {team}.",
            RoutingRule.Claimed => $"{agent} took the conversation from the team's pool.",
            RoutingRule.Outreach => $"{agent} started a conversation with the contact.",
            RoutingRule.Pool => $"The conversation waits in the pool of the team {team} until an agent takes it.",
            RoutingRule.Backlog => $"Nobody was available: the conversation waits in the backlog of the team {team}.",
            RoutingRule.NoTeam => "No team serves this number or product: an admin must link one.",
            _ => agent is null ? $"The conversation went to the team {team}." : $"The conversation went to {agent}{(team is null ? string.Empty : $" ({team})")}.",
        };
        if (!string.IsNullOrWhiteSpace(routed.Explanation))
        {
            text += $" Why: {routed.Explanation}";
        }

        timeline.Add(contact.Id, routed.At, kind, text,
            // The names travel with the line: the page words it in the reader's language without new look-ups, and
            // still says who it was after an agent is renamed or leaves.
            new { rule = routed.Rule.ToString(), routed.Explanation, routed.PreviousAgentId, routed.ByUserId, agentName = agent, previousAgentName = previous, teamName = team, byName = by },
            routed.ConversationId, agentId: routed.AgentId);
        routedContacts.Wrote(routed, kind);

        if (routed.AgentId is { } agentId)
        {
            var handsOver = routed.Rule is RoutingRule.TransferToAgent or RoutingRule.FirstResponseTimeout;
            if (contact.OwnerAgentId is null || handsOver)
            {
                contact.OwnerAgentId = agentId;
            }
        }

        contact.TeamId ??= routed.TeamId;
    }
}
