using System.Diagnostics;
using ContactCenter.LoadGenerator.Target;

namespace ContactCenter.LoadGenerator.Outbound;

/// <summary>What the outbound phase measured.</summary>
/// <param name="Queued">Replies the API accepted (202: message and outbox row committed).</param>
/// <param name="Sent">Distinct replies the fake Graph API received (also those whose API call timed out but were queued).</param>
/// <param name="QueuedNotSent">Accepted replies that never reached the fake: must be 0.</param>
/// <param name="SentTwice">Replies it received more than once: must be 0.</param>
/// <param name="Rate">Sends/s from the first send to the last one.</param>
/// <param name="PeakPerSecond">Most sends in any one-second window.</param>
/// <param name="QueueSeconds">Time to queue them all through the API.</param>
internal sealed record OutboundResult(int Queued, int Sent, int QueuedNotSent, int SentTwice, double Rate, int PeakPerSecond, double QueueSeconds, double? LimitPerSecond)
{
    public bool Passed => QueuedNotSent == 0 && SentTwice == 0;
}

/// <summary>
/// Outbound: one text reply in each of n open conversations (those the inbound load created), queued through the
/// API as fast as 16 callers can while the host's outbox is paused (<paramref name="pause"/>), then released
/// (<paramref name="release"/>) and sent to <see cref="FakeGraphApi"/>; the rate is read at the fake, where the
/// provider would see it. Queueing first keeps the API callers out of the figure: it is the outbox's own rate.
/// </summary>
internal sealed class OutboundPhase(HostClient client, FakeGraphApi graph, TimeSpan settleTimeout, Func<Task> pause, Func<Task> release)
{
    public async Task<OutboundResult> RunAsync(int replies, double? limit, CancellationToken ct)
    {
        var conversations = await client.ListConversationIdsAsync(replies, ct);
        await pause();
        var queued = new System.Collections.Concurrent.ConcurrentBag<long>();
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(conversations.Select((id, i) => (id, i)), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (item, token) =>
            {
                if (await client.ReplyAsync(item.id, $"Resposta de carga bench-out-{item.i}", token))
                {
                    queued.Add(item.i);
                }
            });
        var queueSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await release();

        var giveUpAt = Stopwatch.GetTimestamp() + (long)(settleTimeout.TotalSeconds * Stopwatch.Frequency);
        while (queued.Any(i => !graph.Received(i)) && Stopwatch.GetTimestamp() < giveUpAt)
        {
            await Task.Delay(50, ct);
        }

        // A late second send of the same reply would still show: wait a little past the last one.
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        var arrivals = graph.Arrivals;
        var rate = arrivals.Count > 1 ? (arrivals.Count - 1) / Stopwatch.GetElapsedTime(arrivals[0], arrivals[^1]).TotalSeconds : 0;
        var peak = 0;
        for (int from = 0, to = 0; to < arrivals.Count; to++)
        {
            while (arrivals[to] - arrivals[from] >= Stopwatch.Frequency)
            {
                from++;
            }

            peak = Math.Max(peak, to - from + 1);
        }

        return new OutboundResult(queued.Count, graph.Distinct, queued.Count(i => !graph.Received(i)), graph.SentTwice, rate, peak, queueSeconds, limit);
    }
}
