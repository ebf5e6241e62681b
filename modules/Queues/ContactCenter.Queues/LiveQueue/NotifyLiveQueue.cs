using ContactCenter.Conversations.Contracts;
using ContactCenter.Identity.Contracts;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Realtime;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Queues.LiveQueue;

/// <summary>
/// Tells open live-queue pages that what they show changed, once the change is committed: a conversation starts
/// waiting (opened), is placed or re-placed (routed, claimed, transferred, timed out), is finished (an agent's load
/// drops), or an agent's presence changes. The notice carries no data: each page re-reads the queue under its own
/// viewer's visibility rule, so a supervisor never learns about another team from it.
/// </summary>
[RunsIn(EventPhase.Notify)]
internal sealed class NotifyLiveQueue(INotifier notifier)
    : IEventHandler<ConversationOpened>,
        IEventHandler<ConversationRouted>,
        IEventHandler<ConversationFinished>,
        IEventHandler<AgentPresenceChanged>,
        IEventHandler<UserActivationChanged>
{
    public const string Topic = "live-queue";

    public Task HandleAsync(ConversationOpened opened, CancellationToken cancellationToken) => Changed(opened.ConversationId);

    public Task HandleAsync(ConversationRouted routed, CancellationToken cancellationToken) => Changed(routed.ConversationId);

    public Task HandleAsync(ConversationFinished finished, CancellationToken cancellationToken) => Changed(finished.ConversationId);

    public Task HandleAsync(AgentPresenceChanged changed, CancellationToken cancellationToken) => Changed(null);

    public Task HandleAsync(UserActivationChanged changed, CancellationToken cancellationToken) => Changed(null);

    /// <summary>For changes made outside an event (a browser connecting or closing), by the same rule.</summary>
    public static void Notify(INotifier notifier) => notifier.Notify(new TopicNotice(Topic, NoticeKinds.Changed, null, string.Empty));

    private Task Changed(Guid? conversationId)
    {
        notifier.Notify(new TopicNotice(Topic, NoticeKinds.Changed, conversationId, string.Empty));
        return Task.CompletedTask;
    }
}
