namespace ContactCenter.Leads.PublicForm;

/// <summary>
/// At most <see cref="Limit"/> form posts per client address per minute (a sliding window in memory, per node): enough
/// for a family sharing a connection, too few for a script. Behind a proxy the host must forward the client address.
/// </summary>
internal sealed class FormRateLimiter(TimeProvider clock)
{
    public const int Limit = 10;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _posts = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public bool TryAcquire(string client)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (_posts.Count > 10_000)
            {
                // Forget quiet clients so a scan of many addresses cannot grow this without bound.
                foreach (var key in _posts.Where(p => p.Value.All(t => now - t >= Window)).Select(p => p.Key).ToList())
                {
                    _posts.Remove(key);
                }
            }

            if (!_posts.TryGetValue(client, out var times))
            {
                _posts[client] = times = new Queue<DateTimeOffset>();
            }

            while (times.Count > 0 && now - times.Peek() >= Window)
            {
                times.Dequeue();
            }

            if (times.Count >= Limit)
            {
                return false;
            }

            times.Enqueue(now);
            return true;
        }
    }
}
