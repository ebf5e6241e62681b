using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Events;
using ContactCenter.Queues.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Queues.Routing;

/// <summary>
/// A new conversation is placed at once, inside the inbox transaction: owner, longest-idle agent, pool or backlog
/// (<see cref="RoutingPolicy"/>). The agent's slot is taken with a conditional update; if another node filled them
/// first, the next candidate is tried.
/// </summary>
internal sealed class RouteOpenedConversation(RoutingStore store, IQueuesApi queues, TimeProvider clock) : IEventHandler<ConversationOpened>
{
    private const int Attempts = 5;

    public async Task HandleAsync(ConversationOpened opened, CancellationToken cancellationToken)
    {
        var items = store.Db.Set<WorkItem>();
        if (items.Local.Any(w => w.Kind == WorkItemKind.Conversation && w.SubjectId == opened.ConversationId)
            || await items.AnyAsync(w => w.Kind == WorkItemKind.Conversation && w.SubjectId == opened.ConversationId, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var settings = await queues.GetRoutingSettingsAsync(cancellationToken);
        var snapshot = await store.LoadSnapshotAsync(cancellationToken);
        if (opened.StartedByAgentId is { } starter)
        {
            await PlaceWithStarterAsync(opened, starter, snapshot, now, cancellationToken);
            return;
        }

        var facts = new RoutingFacts(opened.TeamId, opened.ProductId, opened.ChannelAccountId, opened.OwnerAgentId, ConsiderOwner: true);
        var decision = RoutingPolicy.Decide(facts, snapshot);
        for (var attempt = 1; decision.Agent is { } agent; attempt++)
        {
            if (await store.TryTakeCapacityAsync(agent.UserId, evenWhenFull: decision.Rule == RoutingRule.Owner, now, cancellationToken))
            {
                break;
            }

            // Filled up since the snapshot (another node, a claim): weigh the others again.
            agent.ActiveCount = agent.MaxConcurrentConversations;
            decision = attempt < Attempts
                ? RoutingPolicy.Decide(facts, snapshot)
                : new RoutingDecision(RoutingRule.Backlog, decision.Team, null, "Every eligible agent filled up while routing it: it waits in the backlog.");
        }

        var placement = Placement.Of(decision, WorkItemKind.Conversation, settings.FirstResponseTimeoutSeconds, now);
        await AddAsync(opened, placement, decision, now, cancellationToken);
    }

    /// <summary>
    /// The agent who started a conversation keeps it, even above their limit (they chose to write), and it counts on
    /// their load. There is no first-response clock: the agent already wrote first.
    /// </summary>
    private async Task PlaceWithStarterAsync(ConversationOpened opened, Guid starter, RoutingSnapshot snapshot, DateTime now, CancellationToken cancellationToken)
    {
        var (team, _) = snapshot.ResolveTeam(opened.TeamId, opened.ProductId, opened.ChannelAccountId);
        var name = snapshot.FindAgent(starter)?.Name ?? "The agent";
        await store.TryTakeCapacityAsync(starter, evenWhenFull: true, now, cancellationToken);
        var placement = new Placement(
            WorkItemState.Assigned, team?.Id, starter, RoutingRule.Outreach, $"{name} started the conversation (new conversation).", IgnoreCapacity: true);
        await AddAsync(opened, placement, null, now, cancellationToken);
    }

    private async Task AddAsync(ConversationOpened opened, Placement placement, RoutingDecision? decision, DateTime now, CancellationToken cancellationToken)
    {
        var items = store.Db.Set<WorkItem>();
        var item = new WorkItem
        {
            Kind = WorkItemKind.Conversation,
            SubjectId = opened.ConversationId,
            ContactId = opened.ContactId,
            ChannelAccountId = opened.ChannelAccountId,
            ProductId = opened.ProductId,
            TeamId = placement.TeamId ?? opened.TeamId,
            OwnerAgentId = opened.OwnerAgentId,
            State = placement.State,
            AssignedAgentId = placement.AgentId,
            AssignedAt = placement.AgentId is null ? null : now,
            FirstResponseDueAt = placement.FirstResponseDueAt,
            WaitingSince = opened.OpenedAt,
            Version = 1,
            CreatedAt = now,
        };
        items.Add(item);
        await store.RecordAsync(item, placement, null, now, decision, null, null, cancellationToken);
    }
}
