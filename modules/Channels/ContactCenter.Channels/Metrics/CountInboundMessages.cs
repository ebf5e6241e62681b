using ContactCenter.Channels.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;

namespace ContactCenter.Channels.Metrics;

/// <summary>Counts each message a contact sent, once it is de-duplicated and about to be stored.</summary>
[RunsIn(EventPhase.Notify)]
internal sealed class CountInboundMessages(ChannelMetrics metrics, ContactCenterDbContext db) : IEventHandler<InboundMessageReceived>
{
    public Task HandleAsync(InboundMessageReceived received, CancellationToken cancellationToken) =>
        metrics.ReceivedAsync(db, received.ChannelAccountId, cancellationToken);
}
