using System.Collections.Concurrent;
using System.Diagnostics;
using ContactCenter.LoadGenerator.Load;
using ContactCenter.LoadGenerator.Target;

namespace ContactCenter.LoadGenerator.Checks;

/// <summary>
/// Time until a message is stored and visible: for every k-th acknowledged webhook, poll
/// <c>GET /api/v1/messages?providerMessageId=</c> until it shows up. Measured from when the webhook was sent,
/// so it includes the acknowledgement; late by up to one poll interval. Few polls run at once so that
/// watching does not become the load.
/// </summary>
internal sealed class VisibilitySampler(HostClient api, WebhookPayloads payloads, TimeSpan interval, TimeSpan timeout)
{
    private readonly SemaphoreSlim _inFlight = new(8);
    private readonly ConcurrentQueue<Task> _polls = new();
    private readonly ConcurrentBag<double> _visibleAfterMs = [];
    private readonly ConcurrentBag<long> _neverVisible = [];

    public void Track(long seq, long sentAtTimestamp, CancellationToken ct) =>
        _polls.Enqueue(Task.Run(() => PollAsync(seq, sentAtTimestamp, ct), CancellationToken.None));

    public async Task<VisibilityResult> CompleteAsync()
    {
        await Task.WhenAll(_polls);
        return new VisibilityResult(LatencySummary.FromMilliseconds(_visibleAfterMs), [.. _neverVisible.Order()]);
    }

    private async Task PollAsync(long seq, long sentAt, CancellationToken ct)
    {
        var wamid = payloads.Wamid(seq);
        var giveUpAt = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            int found;
            await _inFlight.WaitAsync(ct);
            try
            {
                found = await api.CountMessagesAsync(wamid, ct);
            }
            finally
            {
                _inFlight.Release();
            }

            var now = Stopwatch.GetTimestamp();
            if (found > 0)
            {
                _visibleAfterMs.Add((now - sentAt) * 1000.0 / Stopwatch.Frequency);
                return;
            }

            if (now >= giveUpAt)
            {
                _neverVisible.Add(seq);
                return;
            }

            await Task.Delay(interval, ct);
        }
    }
}

internal sealed record VisibilityResult(LatencySummary VisibleAfter, IReadOnlyList<long> NeverVisible);
