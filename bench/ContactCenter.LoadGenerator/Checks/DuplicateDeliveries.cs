using System.Diagnostics;
using ContactCenter.LoadGenerator.Load;
using ContactCenter.LoadGenerator.Target;

namespace ContactCenter.LoadGenerator.Checks;

/// <summary>
/// Meta retries a webhook it thinks failed: the same bytes, the same signature. Re-post a spread sample of
/// acknowledged messages that way, then a fresh sentinel; once the sentinel is visible the re-posts have been
/// processed too (or are stuck, which the final re-count catches), and each sampled wamid must still be stored
/// exactly once.
/// </summary>
internal sealed class DuplicateDeliveries(HostClient api, WebhookPayloads payloads, DeliveryAudit audit, Guid accountId, int connections)
{
    public async Task<DuplicateResult> RunAsync(IReadOnlyList<long> acknowledged, int sampleSize, long sentinelSeq, TimeSpan settleTimeout, CancellationToken ct)
    {
        var ordered = acknowledged.Order().ToList();
        var step = Math.Max(1, ordered.Count / Math.Max(1, sampleSize));
        var sample = ordered.Where((_, i) => i % step == 0).Take(sampleSize).ToList();
        if (sample.Count == 0)
        {
            return new DuplicateResult(0, 0, 0, 0, SentinelVisible: true);
        }

        var accepted = 0;
        await Parallel.ForEachAsync(sample, new ParallelOptions { MaxDegreeOfParallelism = connections, CancellationToken = ct }, async (seq, t) =>
        {
            var body = payloads.Body(seq);
            if ((await api.PostWebhookAsync(accountId, body, payloads.Sign(body), t)).Kind == OutcomeKind.Accepted)
            {
                Interlocked.Increment(ref accepted);
            }
        });

        var sentinelBody = payloads.Body(sentinelSeq);
        var sentinel = await api.PostWebhookAsync(accountId, sentinelBody, payloads.Sign(sentinelBody), ct);
        var giveUpAt = Stopwatch.GetTimestamp() + (long)(settleTimeout.TotalSeconds * Stopwatch.Frequency);
        var sentinelVisible = sentinel.Kind == OutcomeKind.Accepted
            && (await audit.CountUntilAllFoundAsync([sentinelSeq], giveUpAt, ct))[sentinelSeq] == 1;

        var counts = await audit.CountAsync(sample, ct);
        return new DuplicateResult(
            sample.Count,
            accepted,
            counts.Values.Where(c => c > 1).Sum(c => c - 1),
            counts.Count(c => c.Value <= 0),
            sentinelVisible);
    }
}

/// <param name="NewMessages">Messages beyond the one each re-posted wamid should have.</param>
/// <param name="Vanished">Sampled messages no longer found (a re-post must not remove anything either).</param>
internal sealed record DuplicateResult(int RePosted, int Acknowledged, int NewMessages, int Vanished, bool SentinelVisible)
{
    public bool Passed => NewMessages == 0 && Vanished == 0 && SentinelVisible;
}
