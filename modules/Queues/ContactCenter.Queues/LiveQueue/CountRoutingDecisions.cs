using ContactCenter.Kernel.Events;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Queues.LiveQueue;

/// <summary>Counts each placement of a conversation by the rule that decided it, with the team's name routing gave it.</summary>
[RunsIn(EventPhase.Notify)]
internal sealed class CountRoutingDecisions(QueueMetrics metrics) : IEventHandler<ConversationRouted>
{
    public Task HandleAsync(ConversationRouted routed, CancellationToken cancellationToken)
    {
        metrics.Decided(routed.Rule, routed.TeamName);
        return Task.CompletedTask;
    }
}
