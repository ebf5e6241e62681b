using System.Collections.Concurrent;
using System.Diagnostics;
using ContactCenter.LoadGenerator.Load;
using ContactCenter.LoadGenerator.Target;

namespace ContactCenter.LoadGenerator.Checks;

/// <summary>
/// Nothing lost, nothing doubled: after the load, every acknowledged wamid must be found through the API
/// exactly once. Webhooks that were not acknowledged (timeouts, errors) may or may not have been stored (Meta
/// would retry them) but never twice. Waits for the backlog to drain first, bounded by the settle timeout.
/// </summary>
internal sealed class DeliveryAudit(HostClient api, WebhookPayloads payloads, int parallelism, TimeSpan settleTimeout)
{
    public double SettleSeconds => settleTimeout.TotalSeconds;

    /// <param name="loadEndedAt">Stopwatch timestamp of the end of the load, from which the drain time counts.</param>
    /// <summary>
    /// Waits for the backlog to drain (the newest acknowledged messages visible), then checks every message once.
    /// <paramref name="drained"/> runs at the moment the backlog is drained, before the full pass: that pass asks the
    /// API once per message, and its own cost is not the host's processing (it used to be counted in the drain time
    /// and the host CPU per message).
    /// </summary>
    public async Task<AuditResult> RunAsync(IReadOnlyList<long> acknowledged, IReadOnlyList<long> unacknowledged, long loadEndedAt, Action? drained, CancellationToken ct)
    {
        // One settle timeout from the end of the load, shared with the visibility samples that already waited,
        // plus a few seconds for the pass itself: a lost message costs one timeout, not two.
        var giveUpAt = Math.Max(
            loadEndedAt + (long)(settleTimeout.TotalSeconds * Stopwatch.Frequency),
            Stopwatch.GetTimestamp() + (5 * Stopwatch.Frequency));

        // The newest acknowledged messages are the last a FIFO-ish processor reaches: wait for them before
        // checking everything, so the full pass is not spent re-asking about a backlog still being processed.
        var newest = acknowledged.Order().TakeLast(20).ToList();
        var newestCounts = await CountUntilAllFoundAsync(newest, giveUpAt, ct);
        var drainedSeconds = Stopwatch.GetElapsedTime(loadEndedAt).TotalSeconds;
        drained?.Invoke();

        var counts = await CountUntilAllFoundAsync(acknowledged, giveUpAt, ct);
        if (newestCounts.Any(c => c.Value <= 0))
        {
            // The newest never all showed up: the drain ends when the full pass found everything, if it did.
            drainedSeconds = Stopwatch.GetElapsedTime(loadEndedAt).TotalSeconds;
        }
        var others = await CountAsync(unacknowledged, ct);

        return new AuditResult(
            acknowledged.Count,
            counts.Count(c => c.Value == 1),
            [.. counts.Where(c => c.Value <= 0).Select(c => c.Key).Order()],
            [.. counts.Concat(others).Where(c => c.Value > 1).Select(c => c.Key).Order()],
            unacknowledged.Count,
            others.Count(c => c.Value == 1),
            counts.All(c => c.Value > 0) ? drainedSeconds : null);
    }

    /// <summary>Counts each message; re-asks about the missing ones every second until found or the deadline.</summary>
    public async Task<Dictionary<long, int>> CountUntilAllFoundAsync(IReadOnlyList<long> seqs, long giveUpAt, CancellationToken ct)
    {
        var counts = await CountAsync(seqs, ct);
        while (counts.Any(c => c.Value <= 0) && Stopwatch.GetTimestamp() < giveUpAt)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            var missing = counts.Where(c => c.Value <= 0).Select(c => c.Key).ToList();
            foreach (var (seq, count) in await CountAsync(missing, ct))
            {
                counts[seq] = count;
            }
        }

        return counts;
    }

    public async Task<Dictionary<long, int>> CountAsync(IReadOnlyList<long> seqs, CancellationToken ct)
    {
        var counts = new ConcurrentDictionary<long, int>();
        await Parallel.ForEachAsync(seqs, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (seq, t) =>
        {
            var count = -1;
            for (var attempt = 0; attempt < 3 && count < 0; attempt++)
            {
                count = await api.CountMessagesAsync(payloads.Wamid(seq), t);
            }

            counts[seq] = count;
        });
        return new Dictionary<long, int>(counts);
    }
}

/// <param name="DrainedAfterSeconds">From the end of the load until every acknowledged message was visible; null if never.</param>
internal sealed record AuditResult(
    int Acknowledged,
    int FoundOnce,
    IReadOnlyList<long> Lost,
    IReadOnlyList<long> StoredMoreThanOnce,
    int Unacknowledged,
    int UnacknowledgedStoredOnce,
    double? DrainedAfterSeconds)
{
    public bool Passed => Lost.Count == 0 && StoredMoreThanOnce.Count == 0 && FoundOnce == Acknowledged;
}
