using System.Diagnostics;

namespace ContactCenter.LoadGenerator.Checks;

/// <summary>The product faults injected during the load (<c>--malformed-every</c>, <c>--kill-after</c>) and what they
/// did. The verdict stays the audit's: every acknowledged readable webhook stored exactly once.</summary>
internal sealed class LoadFaults
{
    private long _acknowledged;
    private long _malformedSent;
    private long _malformedAcknowledged;
    private double? _restartSeconds;
    private int _kills;

    public long MalformedSent => Interlocked.Read(ref _malformedSent);

    public long MalformedAcknowledged => Interlocked.Read(ref _malformedAcknowledged);

    public int Kills => _kills;

    /// <summary>From the kill until the restarted host answered /health/ready.</summary>
    public double? RestartSeconds => _restartSeconds;

    public long Acknowledged() => Interlocked.Increment(ref _acknowledged);

    public void Malformed(bool acknowledged)
    {
        Interlocked.Increment(ref _malformedSent);
        if (acknowledged)
        {
            Interlocked.Increment(ref _malformedAcknowledged);
        }
    }

    public async Task TimeRestart(Func<Task> killAndRestart)
    {
        Interlocked.Increment(ref _kills);
        var started = Stopwatch.GetTimestamp();
        await killAndRestart();
        _restartSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
