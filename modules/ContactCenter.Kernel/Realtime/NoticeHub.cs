using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Kernel.Realtime;

/// <summary>
/// This node's subscribers. Delivery never runs a subscriber on the committing thread: a slow page must not hold
/// the transaction's caller (the inbox processor) or the PostgreSQL listener.
/// </summary>
internal sealed class NoticeHub(ILogger<NoticeHub> logger) : INoticeHub
{
    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();

    public IDisposable Subscribe(Guid userId, IReadOnlyCollection<Guid> teamIds, Func<Notice, Task> onNotice)
    {
        var subscription = new Subscription(this, userId, [.. teamIds], onNotice);
        _subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    public void Deliver(IEnumerable<Notice> notices)
    {
        foreach (var notice in notices)
        {
            foreach (var subscription in _subscriptions.Keys.Where(s => s.Wants(notice)))
            {
                _ = RunAsync(subscription, notice);
            }
        }
    }

    private async Task RunAsync(Subscription subscription, Notice notice)
    {
        try
        {
            await Task.Yield();
            await subscription.OnNotice(notice);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A subscriber failed on a {Kind} notice", notice.Kind);
        }
    }

    private sealed class Subscription(NoticeHub hub, Guid userId, HashSet<Guid> teamIds, Func<Notice, Task> onNotice) : IDisposable
    {
        public Func<Notice, Task> OnNotice { get; } = onNotice;

        public bool Wants(Notice notice) => notice switch
        {
            UserNotice user => user.UserId == userId,
            TeamNotice team => teamIds.Contains(team.TeamId),
            _ => false,
        };

        public void Dispose() => hub._subscriptions.TryRemove(this, out _);
    }
}
