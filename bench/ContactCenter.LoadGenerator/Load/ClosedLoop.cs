using System.Diagnostics;

namespace ContactCenter.LoadGenerator.Load;

internal enum OutcomeKind
{
    Accepted,
    Refused,
    TimedOut,
    Failed,
}

internal readonly record struct Outcome(OutcomeKind Kind, int Status = 0, string? Detail = null);

/// <summary>What one phase measured: counts and latencies of the operations started after the warm-up.</summary>
internal sealed record PhaseResult(
    long WarmupOperations,
    long Accepted,
    long Refused,
    long TimedOut,
    long Failed,
    IReadOnlyDictionary<int, long> RefusedByStatus,
    double Seconds,
    LatencySummary Latency)
{
    public long Measured => Accepted + Refused + TimedOut + Failed;

    public double Rate => Seconds > 0 ? Accepted / Seconds : 0;
}

/// <summary>
/// N workers, each with one operation in flight at a time (a closed loop, like N connections that each wait for
/// their answer). Operations started during the warm-up are done but not measured; the measured phase ends at
/// the duration or after <c>count</c> measured operations, whichever comes first.
/// </summary>
internal sealed class ClosedLoop(int connections, TimeSpan warmup, TimeSpan duration, long? count)
{
    /// <summary>A worker whose operations fail this many times in a row (connection refused…) stops the run.</summary>
    private const int FailuresInARowToGiveUp = 20;

    public async Task<PhaseResult> RunAsync(Func<long, CancellationToken, Task<Outcome>> operation, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        long next = -1;
        long measuredStarted = 0;
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        async Task<Tally> Worker()
        {
            var tally = new Tally();
            var failuresInARow = 0;
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var began = Stopwatch.GetTimestamp();
                    var measured = began >= measureFrom;
                    if (began >= stopAt || (measured && count is { } c && Interlocked.Increment(ref measuredStarted) > c))
                    {
                        break;
                    }

                    var outcome = await operation(Interlocked.Increment(ref next), stop.Token);
                    var ended = Stopwatch.GetTimestamp();
                    failuresInARow = outcome.Kind == OutcomeKind.Failed ? failuresInARow + 1 : 0;
                    if (failuresInARow >= FailuresInARowToGiveUp)
                    {
                        throw new TargetException($"The target stopped answering ({failuresInARow} failures in a row): {outcome.Detail}");
                    }

                    tally.Add(outcome, measured, ended - began, ended);
                }
            }
            catch (TargetException)
            {
                await stop.CancelAsync();
                throw;
            }

            return tally;
        }

        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(Worker, CancellationToken.None)).ToArray();
        Tally[] tallies;
        try
        {
            tallies = await Task.WhenAll(workers);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // A sibling's TargetException cancelled the others: report that, not the cancellation.
            throw workers.Select(w => w.Exception?.InnerException).OfType<TargetException>().FirstOrDefault()
                ?? new TargetException("The load stopped before its end.");
        }

        // Workers stop quietly on cancellation; a cancelled run must not go on to report a partial phase.
        ct.ThrowIfCancellationRequested();
        var lastEnd = tallies.Max(t => t.LastMeasuredEnd);
        var seconds = lastEnd > measureFrom ? (lastEnd - measureFrom) / (double)Stopwatch.Frequency : 0;
        var refused = tallies.SelectMany(t => t.RefusedByStatus).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
        return new PhaseResult(
            tallies.Sum(t => t.Warmup),
            tallies.Sum(t => t.Accepted),
            tallies.Sum(t => t.Refused),
            tallies.Sum(t => t.TimedOut),
            tallies.Sum(t => t.Failed),
            refused,
            seconds,
            LatencySummary.FromTicks(tallies.SelectMany(t => t.AcceptedLatencies)));
    }

    private sealed class Tally
    {
        public List<long> AcceptedLatencies { get; } = new(capacity: 64 * 1024);
        public Dictionary<int, long> RefusedByStatus { get; } = [];
        public long Warmup { get; private set; }
        public long Accepted { get; private set; }
        public long Refused { get; private set; }
        public long TimedOut { get; private set; }
        public long Failed { get; private set; }
        public long LastMeasuredEnd { get; private set; }

        public void Add(Outcome outcome, bool measured, long elapsed, long ended)
        {
            if (!measured)
            {
                Warmup++;
                return;
            }

            LastMeasuredEnd = ended;
            switch (outcome.Kind)
            {
                case OutcomeKind.Accepted:
                    Accepted++;
                    AcceptedLatencies.Add(elapsed);
                    break;
                case OutcomeKind.Refused:
                    Refused++;
                    RefusedByStatus[outcome.Status] = RefusedByStatus.GetValueOrDefault(outcome.Status) + 1;
                    break;
                case OutcomeKind.TimedOut:
                    TimedOut++;
                    break;
                default:
                    Failed++;
                    break;
            }
        }
    }
}
