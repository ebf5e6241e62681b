using System.Diagnostics;
using ContactCenter.LoadGenerator.Target;

namespace ContactCenter.LoadGenerator.Outbound;

/// <summary>What the outbound phase measured.</summary>
/// <param name="Queued">Replies the API accepted (202: message and outbox row committed).</param>
/// <param name="Sent">Distinct replies the fake Graph API received.</param>
/// <param name="SentTwice">Replies it received more than once: must be 0.</param>
/// <param name="Rate">Sends/s from the first send to the last one.</param>
/// <param name="PeakPerSecond">Most sends in any one-second window.</param>
/// <param name="QueueSeconds">Time to queue them all through the API.</param>
internal sealed record OutboundResult(int Queued, int Sent, int SentTwice, double Rate, int PeakPerSecond, double QueueSeconds, double? LimitPerSecond)
{
    public bool Passed => Sent == Queued && SentTwice == 0;
}

/// <summary>
/// Outbound: one text reply in each of n open conversations (those the inbound load created), queued through the
/// API as fast as 16 callers can, then sent by the host's outbox to <see cref="FakeGraphApi"/>; the rate is read at
/// the fake, where the provider would see it.
/// </summary>
internal sealed class OutboundPhase(HostClient client, FakeGraphApi graph, TimeSpan settleTimeout)
{
    public async Task<OutboundResult> RunAsync(int replies, double? limit, CancellationToken ct)
    {
        var conversations = await client.ListConversationIdsAsync(replies, ct);
        var queued = 0;
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(conversations.Select((id, i) => (id, i)), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (item, token) =>
            {
                if (await client.ReplyAsync(item.id, $"Resposta de carga bench-out-{item.i}", token))
                {
                    Interlocked.Increment(ref queued);
                }
            });
        var queueSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var giveUpAt = Stopwatch.GetTimestamp() + (long)(settleTimeout.TotalSeconds * Stopwatch.Frequency);
        while (graph.Distinct < queued && Stopwatch.GetTimestamp() < giveUpAt)
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

        return new OutboundResult(queued, graph.Distinct, graph.SentTwice, rate, peak, queueSeconds, limit);
    }
}
