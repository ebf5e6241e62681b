namespace ContactCenter.Channels.Outbound;

/// <summary>
/// A sliding one-second window per channel account (at most the rate's whole number of sends started in any
/// second of clock time, at least one; bursts allowed within it), plus WhatsApp's back-offs (reference §10):
/// after a pair rate limit (131056) only that recipient waits; after a throughput error (130429) the whole
/// account pauses, then runs at half rate for a minute. State is per node: with several nodes each sends at
/// up to the account's rate, so set <c>messagesPerSecond</c> to the rate divided by the node count if that matters.
/// </summary>
internal sealed class OutboundRateLimiter(TimeProvider clock)
{
    private static readonly TimeSpan SlowFor = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, Bucket> _accounts = [];
    private readonly Dictionary<(Guid Account, string Recipient), DateTime> _pairs = [];

    /// <summary>Takes a slot for one send; null when it may go now, else when to try again.</summary>
    public DateTime? TryAcquire(Guid account, string? recipient, double messagesPerSecond)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        lock (_lock)
        {
            if (recipient is not null && _pairs.TryGetValue((account, recipient), out var pairUntil))
            {
                if (pairUntil > now)
                {
                    return pairUntil;
                }

                _pairs.Remove((account, recipient));
            }

            if (!_accounts.TryGetValue(account, out var bucket))
            {
                bucket = new Bucket();
                _accounts[account] = bucket;
            }

            if (bucket.PausedUntil > now)
            {
                return bucket.PausedUntil;
            }

            bucket.MessagesPerSecond = messagesPerSecond;
            var limit = bucket.Limit(now);
            var sent = bucket.Sent;
            while (sent.Count > 0 && sent.Peek() <= now - Window)
            {
                sent.Dequeue();
            }

            if (sent.Count < limit)
            {
                sent.Enqueue(now);
                return null;
            }

            // A slot frees when enough of the sends in the window are a second old.
            return sent.ElementAt(sent.Count - limit) + Window;
        }
    }

    /// <summary>
    /// The accounts that can send nothing now (paused, or their window is full), and the earliest time one of them
    /// may send again: the sender leaves their rows unclaimed until then instead of claiming and putting them back.
    /// </summary>
    public (IReadOnlyList<Guid> Accounts, DateTime? FreeAt) Saturated()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var accounts = new List<Guid>();
        DateTime? freeAt = null;
        lock (_lock)
        {
            foreach (var (account, bucket) in _accounts)
            {
                if (bucket.FreeAt(now) is { } at)
                {
                    accounts.Add(account);
                    freeAt = freeAt is { } earliest && earliest < at ? earliest : at;
                }
            }
        }

        return (accounts, freeAt);
    }

    /// <summary>After 131056: nothing more to this recipient from this account until <paramref name="until"/>.</summary>
    public void PausePair(Guid account, string recipient, DateTime until)
    {
        lock (_lock)
        {
            _pairs[(account, recipient)] = until;
        }
    }

    /// <summary>After 130429: the account pauses until <paramref name="until"/>, then sends at half rate for a while.</summary>
    public void SlowDown(Guid account, DateTime until)
    {
        lock (_lock)
        {
            if (!_accounts.TryGetValue(account, out var bucket))
            {
                bucket = new Bucket();
                _accounts[account] = bucket;
            }

            bucket.PausedUntil = until;
            bucket.SlowUntil = until + SlowFor;
        }
    }

    private sealed class Bucket
    {
        /// <summary>When the sends of the last second started, oldest first.</summary>
        public Queue<DateTime> Sent { get; } = new();

        public DateTime PausedUntil { get; set; }

        public DateTime SlowUntil { get; set; }

        /// <summary>The rate of the last send asked for (the account's setting).</summary>
        public double MessagesPerSecond { get; set; } = 1;

        public int Limit(DateTime now) => Math.Max(1, (int)Math.Floor(SlowUntil > now ? MessagesPerSecond / 2 : MessagesPerSecond));

        /// <summary>Null when a send may start now, else when one may.</summary>
        public DateTime? FreeAt(DateTime now)
        {
            if (PausedUntil > now)
            {
                return PausedUntil;
            }

            var inWindow = Sent.Where(at => at > now - Window).ToList();
            var limit = Limit(now);
            return inWindow.Count < limit ? null : inWindow[inWindow.Count - limit] + Window;
        }
    }
}
