using ContactCenter.Chatbot.Contracts;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Events;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Queues.Routing;

/// <summary>
/// A new conversation is placed right after the step that opened it (the inbox row's), in its transaction: owner,
/// longest-idle agent, pool or backlog
/// (<see cref="RoutingPolicy"/>). If another node filled the picked agent first, the <see cref="Placer"/> tries the
/// next candidate; when every pick filled up, it waits in the backlog. While the chatbot is on, a contact's new
/// conversation waits with the bot's first-contact team instead, given to nobody, until the bot hands it off
/// (<see cref="RouteBotHandOff"/>).
/// </summary>
[RunsIn(EventPhase.Record)]
internal sealed class RouteOpenedConversation(RoutingStore store, DecisionSnapshots snapshots, Placer placer, IQueuesApi queues, IChatbotApi chatbot, TimeProvider clock) : IEventHandler<ConversationOpened>
{
    private const int Attempts = 5;

    public async Task HandleAsync(ConversationOpened opened, CancellationToken cancellationToken)
    {
        if (await store.HasItemAsync(WorkItemKind.Conversation, opened.ConversationId, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var item = new WorkItem
        {
            Kind = WorkItemKind.Conversation,
            SubjectId = opened.ConversationId,
            ContactId = opened.ContactId,
            ChannelAccountId = opened.ChannelAccountId,
            ProductId = opened.ProductId,
            TeamId = opened.TeamId,
            OwnerAgentId = opened.OwnerAgentId,
            WaitingSince = opened.OpenedAt,
            Version = 1,
            CreatedAt = now,
        };
        // Only what this decision can weigh: its teams (given, its product's, its number's) and the people it names.
        var snapshot = await snapshots.LoadAsync(
            new SnapshotScope([opened.TeamId], opened.ProductId, opened.ChannelAccountId, [opened.OwnerAgentId, opened.StartedByAgentId]), cancellationToken);
        if (opened.StartedByAgentId is { } starter)
        {
            // The agent who started it keeps it, even above their limit (they chose to write), and it counts on their
            // load. No first-response clock: the agent already wrote first.
            var (team, _) = snapshot.ResolveTeam(opened.TeamId, opened.ProductId, opened.ChannelAccountId);
            var name = snapshot.FindAgent(starter)?.Name ?? "The agent";
            await placer.AddAsync(
                item,
                new Placement(WorkItemState.Assigned, team?.Id, starter, RoutingRule.Outreach, $"{name} started the conversation (new conversation).", IgnoreCapacity: true),
                now,
                snapshot,
                cancellationToken);
            return;
        }

        if (await chatbot.FindFirstContactTeamAsync(opened.ChannelAccountId, cancellationToken) is { } botTeam)
        {
            var held = new Placement(WorkItemState.Bot, botTeam, null, RoutingRule.Bot, "The chatbot talks with the contact first; routing waits for its hand-off.");
            await placer.AddAsync(item, held, now, snapshot, cancellationToken);
            return;
        }

        var settings = await queues.GetRoutingSettingsAsync(cancellationToken);
        var facts = new RoutingFacts(opened.TeamId, opened.ProductId, opened.ChannelAccountId, opened.OwnerAgentId, ConsiderOwner: true);
        var placed = await placer.DecideAndAddAsync(
            item,
            new PlacementRequest(facts, (decision, at) => Placement.Of(decision, WorkItemKind.Conversation, settings.FirstResponseTimeoutSeconds, at), Attempts),
            snapshot,
            cancellationToken);
        if (placed.Outcome == PlaceOutcome.AgentFull)
        {
            var backlog = new RoutingDecision(RoutingRule.Backlog, placed.Decision!.Team, null, "Every eligible agent filled up while routing it: it waits in the backlog.");
            await placer.AddAsync(item, Placement.Of(backlog, WorkItemKind.Conversation, settings.FirstResponseTimeoutSeconds, now), now, snapshot, cancellationToken);
        }
    }
}
