namespace ContactCenter.Channels.Outbound;

/// <summary>
/// Paces each channel account's sends (reference §10) and applies WhatsApp's back-offs:
/// <list type="bullet">
/// <item>A hard cap: a sliding one-second window, at most the rate's whole number of sends started in any second
/// of clock time (at least one).</item>
/// <item>Even pacing within it: a provider counts what ARRIVES per second, and sends started together arrive spread
/// by their latencies, so a second's whole allowance taken at its start can land in the same second of arrivals as
/// the next one's. A quiet account may start up to a tenth of its rate at once (its burst: fewer than that many
/// started in the last second); after that, one start per 1/rate. The burst is thus at most a tenth of the rate in
/// any second, and nothing bunches up at the window's edge.</item>
/// <item>After a pair rate limit (131056) only that recipient waits; after a throughput error (130429) the whole
/// account pauses, then runs at half rate (half the cap, twice the spacing, half the burst) for a minute.</item>
/// </list>
/// A send whose slot is at most <see cref="OutboxOptions.PaceWait"/> away takes it and waits in process (see
/// <see cref="OutboxDelivery"/>); a later one is not given a slot and goes back to the database until then. State is
/// per node: with several nodes each sends at up to the account's rate, so set <c>messagesPerSecond</c> to the rate
/// divided by the node count if that matters.
/// </summary>
internal sealed class OutboundRateLimiter(TimeProvider clock, OutboxOptions options)
{
    private static readonly TimeSpan SlowFor = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, Bucket> _accounts = [];
    private readonly Dictionary<(Guid Account, string Recipient), DateTime> _pairs = [];

    /// <summary>
    /// Takes a start slot for one send when one is free now or within the pace wait (<see cref="PaceSlot.Taken"/>,
    /// start at <see cref="PaceSlot.At"/>); otherwise takes nothing and says when to try again.
    /// </summary>
    public PaceSlot Acquire(Guid account, string? recipient, double messagesPerSecond)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        lock (_lock)
        {
            if (recipient is not null && _pairs.TryGetValue((account, recipient), out var pairUntil))
            {
                if (pairUntil > now)
                {
                    return new PaceSlot(false, pairUntil);
                }

                _pairs.Remove((account, recipient));
            }

            if (!_accounts.TryGetValue(account, out var bucket))
            {
                bucket = new Bucket();
                _accounts[account] = bucket;
            }

            bucket.MessagesPerSecond = messagesPerSecond;
            var at = bucket.NextStart(now);
            if (at - now > options.PaceWait)
            {
                return new PaceSlot(false, at);
            }

            bucket.Take(at);
            return new PaceSlot(true, at);
        }
    }

    /// <summary>
    /// The accounts that can start nothing within the pace wait (paused, their window full, or paced further ahead),
    /// and the earliest time one of them may start: the sender leaves their rows unclaimed until then instead of
    /// claiming and putting them back.
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
                var at = bucket.NextStart(now);
                if (at - now > options.PaceWait)
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
        /// <summary>
        /// When the sends of the last second started (or will start: slots are taken up to the pace wait ahead),
        /// oldest first. Slots are handed out in time order, so every entry is at or before the next slot.
        /// </summary>
        private readonly Queue<DateTime> _starts = new();

        private DateTime _lastStart = DateTime.MinValue;

        public DateTime PausedUntil { get; set; }

        public DateTime SlowUntil { get; set; }

        /// <summary>The rate of the last send asked for (the account's setting).</summary>
        public double MessagesPerSecond { get; set; } = 1;

        /// <summary>The earliest start at or after <paramref name="now"/> that the pause, the cap and the pacing allow.</summary>
        public DateTime NextStart(DateTime now)
        {
            while (_starts.Count > 0 && _starts.Peek() <= now - Window)
            {
                _starts.Dequeue();
            }

            var at = Max(Max(now, PausedUntil), _lastStart);
            while (true)
            {
                var limit = Limit(at);
                var inWindow = _starts.Count(s => s > at - Window);
                if (inWindow >= limit)
                {
                    // A slot frees when enough of the starts in the window are a second old.
                    at = _starts.ElementAt(_starts.Count - limit) + Window;
                    continue;
                }

                // Beyond its burst an account keeps one spacing between starts.
                var paced = _lastStart == DateTime.MinValue ? at : _lastStart + Spacing(limit);
                if (inWindow >= Burst(limit) && at < paced)
                {
                    at = paced;
                    continue;
                }

                return at;
            }
        }

        public void Take(DateTime at)
        {
            _starts.Enqueue(at);
            _lastStart = at;
        }

        private int Limit(DateTime at) => Math.Max(1, (int)Math.Floor(SlowUntil > at ? MessagesPerSecond / 2 : MessagesPerSecond));

        private static int Burst(int limit) => Math.Max(1, limit / 10);

        /// <summary>A second divided by the limit, rounded up so that the pace never exceeds it.</summary>
        private static TimeSpan Spacing(int limit) => TimeSpan.FromTicks((TimeSpan.TicksPerSecond + limit - 1) / limit);

        private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
    }
}

/// <summary>A send's start slot: taken (start at <paramref name="At"/>, now or a little later), or not before <paramref name="At"/>.</summary>
internal readonly record struct PaceSlot(bool Taken, DateTime At);
