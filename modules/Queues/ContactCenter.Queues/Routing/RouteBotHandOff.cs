using ContactCenter.Chatbot.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Domain;

namespace ContactCenter.Queues.Routing;

/// <summary>
/// The chatbot's flow ended: the conversation it held goes to the team the bot chose, routed by that team's mode (an
/// available agent now, the pool, or the backlog), as a new arrival would be (a returning contact's owner first). An
/// item a person already moved (a transfer while the bot talked) is left alone.
/// </summary>
[RunsIn(EventPhase.Record)]
internal sealed class RouteBotHandOff(ContactCenterDbContext db, RoutingStore store, DecisionSnapshots snapshots, Placer placer, IQueuesApi queues, TimeProvider clock) : IEventHandler<BotHandedOff>
{
    public async Task HandleAsync(BotHandedOff handedOff, CancellationToken cancellationToken)
    {
        // The bot can end its flow on the very message that opened the conversation: the item is then still unsaved,
        // and the placement's conditional update must find its row.
        if (db.ChangeTracker.Entries<WorkItem>().Any(e => e.State == Microsoft.EntityFrameworkCore.EntityState.Added && e.Entity.SubjectId == handedOff.ConversationId))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        if (await store.FindAsync(WorkItemKind.Conversation, handedOff.ConversationId, cancellationToken) is not { State: WorkItemState.Bot } item)
        {
            return;
        }

        var snapshot = await snapshots.LoadAsync(
            new SnapshotScope([handedOff.TeamId], item.ProductId, item.ChannelAccountId, [item.OwnerAgentId]), cancellationToken);
        var settings = await queues.GetRoutingSettingsAsync(cancellationToken);
        var lead = $"The chatbot handed it to team {snapshot.FindTeam(handedOff.TeamId)?.Name ?? handedOff.TeamName}: {handedOff.Why} ";
        var facts = new RoutingFacts(handedOff.TeamId, item.ProductId, item.ChannelAccountId, item.OwnerAgentId, ConsiderOwner: true);
        var request = new PlacementRequest(
            facts,
            (decision, at) => Placement.Of(decision, WorkItemKind.Conversation, settings.FirstResponseTimeoutSeconds, at) with { Explanation = lead + decision.Explanation });
        var placed = await placer.DecideAndPlaceAsync(item, request, snapshot, cancellationToken);
        if (placed.Outcome == PlaceOutcome.AgentFull && await store.FindAsync(WorkItemKind.Conversation, handedOff.ConversationId, cancellationToken) is { State: WorkItemState.Bot } again)
        {
            var backlog = new Placement(WorkItemState.Waiting, handedOff.TeamId, null, RoutingRule.Backlog, lead + "Every eligible agent filled up while routing it: it waits in the backlog.");
            await placer.PlaceAsync(again, backlog, clock.GetUtcNow().UtcDateTime, snapshot, null, cancellationToken);
        }
    }
}
