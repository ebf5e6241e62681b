using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Kernel.Realtime;

/// <summary>
/// This node's subscribers. Delivery never runs a subscriber on the committing thread: a slow page must not hold
/// the transaction's caller (the inbox processor) or the PostgreSQL listener. Each subscriber hears its notices
/// one at a time, in commit order, in the culture it subscribed with (a page re-rendered in the publisher's culture
/// switched to English with US dates the moment a notice arrived).
/// </summary>
internal sealed class NoticeHub(ILogger<NoticeHub> logger) : INoticeHub, INoticeReceiver
{
    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();

    public IDisposable Subscribe(Guid userId, IReadOnlyCollection<Guid> teamIds, Func<Notice, Task> onNotice)
    {
        var subscription = new Subscription(this, userId, [.. teamIds], null, onNotice, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        _subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    public IDisposable Subscribe(string topic, Func<Notice, Task> onNotice)
    {
        var subscription = new Subscription(this, Guid.Empty, [], topic, onNotice, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        _subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    public void Receive(string payload) => Deliver(NoticeJson.Unpack(payload));

    public void Deliver(IEnumerable<Notice> notices)
    {
        foreach (var notice in notices)
        {
            foreach (var subscription in _subscriptions.Keys.Where(s => s.Wants(notice)))
            {
                subscription.Post(notice, logger);
            }
        }
    }

    private sealed class Subscription(
        NoticeHub hub, Guid userId, HashSet<Guid> teamIds, string? topic, Func<Notice, Task> onNotice, CultureInfo culture, CultureInfo uiCulture) : IDisposable
    {
        private readonly Lock _gate = new();
        private Task _tail = Task.CompletedTask;

        public void Post(Notice notice, ILogger logger)
        {
            lock (_gate)
            {
                _tail = _tail.ContinueWith(_ => RunAsync(notice, logger), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            }
        }

        private async Task RunAsync(Notice notice, ILogger logger)
        {
            try
            {
                // Flows into the subscriber's InvokeAsync: the render happens in the subscriber's language.
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = uiCulture;
                await onNotice(notice);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "A subscriber failed on a {Kind} notice", notice.Kind);
            }
        }

        public bool Wants(Notice notice) => notice switch
        {
            UserNotice user => topic is null && user.UserId == userId,
            TopicNotice watched => watched.Topic == topic,
            TeamNotice team => teamIds.Contains(team.TeamId),
            _ => false,
        };

        public void Dispose() => hub._subscriptions.TryRemove(this, out _);
    }
}
