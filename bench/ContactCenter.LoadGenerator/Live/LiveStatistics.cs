using ContactCenter.LoadGenerator.Load;

namespace ContactCenter.LoadGenerator.Live;

/// <summary>One live message: its marker, the watcher it was for, and when (tool's clock, Unix ms) it was sent and
/// acknowledged (null: not acknowledged).</summary>
internal sealed record LiveSend(string Marker, int Watcher, double SentAt, double? AcceptedAt)
{
    /// <summary>When it first answered through the messages API (stored by the processor), tool's clock; null if never looked up or found.</summary>
    public double? StoredAt { get; init; }
}

/// <summary>What one live phase measured. Latencies in ms; "in the DOM" is the MutationObserver's time, "frame" the next
/// animation frame after it (when the text can first be painted).</summary>
internal sealed record LiveResult(
    string Phase,
    int Sent,
    int Acknowledged,
    int Seen,
    LatencySummary AcceptedToDom,
    LatencySummary SentToDom,
    LatencySummary AcceptedToFrame,
    LatencySummary Acknowledgement,
    LatencySummary AcceptedToStored,
    LatencySummary StoredToDom,
    double ClockPlusMinusMs,
    double SendSeconds,
    double ObserverMs,
    long ObserverCalls)
{
    /// <summary>The machine's load average when the phase's last message was sent.</summary>
    public string LoadAverage { get; init; } = "unknown";

    /// <summary>Issue 10's targets: p99 ≤ 100 ms at rest, ≤ 1 s under load.</summary>
    public bool Met(double targetMs) => Seen == Acknowledged && Acknowledged > 0 && AcceptedToDom.P99 <= targetMs;
}

internal static class LiveStatistics
{
    /// <summary>
    /// Sets each acknowledged message's first sighting in its watcher's page (page clock minus that page's offset)
    /// against its acknowledgement and its sending. A message seen in another page than its watcher's does not count:
    /// only its agent's page is the push it is waiting for.
    /// </summary>
    public static LiveResult Summarize(
        string phase,
        IReadOnlyList<LiveSend> sends,
        IReadOnlyList<IReadOnlyDictionary<string, (double InDom, double Frame)>> seen,
        IReadOnlyList<ClockOffset> offsets,
        double sendSeconds,
        double observerMs,
        long observerCalls)
    {
        var acceptedToDom = new List<double>();
        var sentToDom = new List<double>();
        var acceptedToFrame = new List<double>();
        var acknowledgements = new List<double>();
        var acceptedToStored = new List<double>();
        var storedToDom = new List<double>();
        foreach (var send in sends)
        {
            if (send.AcceptedAt is not { } accepted)
            {
                continue;
            }

            acknowledgements.Add(accepted - send.SentAt);
            if (send.StoredAt is { } storedAt)
            {
                acceptedToStored.Add(storedAt - accepted);
            }

            if (!seen[send.Watcher].TryGetValue(send.Marker, out var at))
            {
                continue;
            }

            var offset = offsets[send.Watcher].Ms;
            acceptedToDom.Add(at.InDom - offset - accepted);
            sentToDom.Add(at.InDom - offset - send.SentAt);
            if (send.StoredAt is { } stored)
            {
                storedToDom.Add(at.InDom - offset - stored);
            }

            if (at.Frame > 0)
            {
                acceptedToFrame.Add(at.Frame - offset - accepted);
            }
        }

        return new LiveResult(
            phase,
            sends.Count,
            acknowledgements.Count,
            acceptedToDom.Count,
            LatencySummary.FromMilliseconds(acceptedToDom),
            LatencySummary.FromMilliseconds(sentToDom),
            LatencySummary.FromMilliseconds(acceptedToFrame),
            LatencySummary.FromMilliseconds(acknowledgements),
            LatencySummary.FromMilliseconds(acceptedToStored),
            LatencySummary.FromMilliseconds(storedToDom),
            offsets.Count == 0 ? double.NaN : offsets.Max(o => o.PlusMinusMs),
            sendSeconds,
            observerMs,
            observerCalls);
    }
}
