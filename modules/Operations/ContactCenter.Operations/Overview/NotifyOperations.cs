using System.Diagnostics;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Realtime;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Operations.Overview;

/// <summary>
/// Tells open "Operação" pages that their figures moved, once the change is committed: a message came in or an agent
/// replied, work was opened, placed or finished, an agent's presence changed. The notice carries no figures: each page
/// re-reads them under its viewer's teams. At most one notice per <see cref="Pulse.Every"/> per node: under load a
/// page redraws a few times a second, not once per message (it also re-reads on its own every few seconds).
/// </summary>
[RunsIn(EventPhase.Notify)]
internal sealed class NotifyOperations(INotifier notifier, NotifyOperations.Pulse pulse)
    : IEventHandler<ContactMessageStored>,
        IEventHandler<AgentReplied>,
        IEventHandler<ConversationOpened>,
        IEventHandler<ConversationRouted>,
        IEventHandler<ConversationFinished>,
        IEventHandler<AgentPresenceChanged>
{
    public const string Topic = "operations";

    public Task HandleAsync(ContactMessageStored stored, CancellationToken cancellationToken) => Changed();

    public Task HandleAsync(AgentReplied replied, CancellationToken cancellationToken) => Changed();

    public Task HandleAsync(ConversationOpened opened, CancellationToken cancellationToken) => Changed();

    public Task HandleAsync(ConversationRouted routed, CancellationToken cancellationToken) => Changed();

    public Task HandleAsync(ConversationFinished finished, CancellationToken cancellationToken) => Changed();

    public Task HandleAsync(AgentPresenceChanged changed, CancellationToken cancellationToken) => Changed();

    private Task Changed()
    {
        if (pulse.TryBeat())
        {
            notifier.Notify(new TopicNotice(Topic, NoticeKinds.Changed, null, string.Empty));
        }

        return Task.CompletedTask;
    }

    /// <summary>The node's last notice time, on the machine's monotonic clock (a pacing, not a business time).</summary>
    internal sealed class Pulse
    {
        public static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);

        private long last = long.MinValue;

        public bool TryBeat()
        {
            var previous = Interlocked.Read(ref last);
            if (previous != long.MinValue && Stopwatch.GetElapsedTime(previous) < Every)
            {
                return false;
            }

            return Interlocked.CompareExchange(ref last, Stopwatch.GetTimestamp(), previous) == previous;
        }
    }
}
