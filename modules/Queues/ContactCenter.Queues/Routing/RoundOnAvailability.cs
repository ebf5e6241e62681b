using ContactCenter.Kernel.Events;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Queues.Routing;

/// <summary>Someone became available: the backlog should not wait for the next timed round.</summary>
[RunsIn(EventPhase.Follow)]
internal sealed class RoundOnAvailability(RoundSignal signal) : IEventHandler<AgentPresenceChanged>
{
    public Task HandleAsync(AgentPresenceChanged changed, CancellationToken cancellationToken)
    {
        if (changed.Current == AgentPresence.Available)
        {
            signal.Wake();
        }

        return Task.CompletedTask;
    }
}
