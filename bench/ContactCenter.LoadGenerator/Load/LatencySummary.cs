using System.Diagnostics;

namespace ContactCenter.LoadGenerator.Load;

/// <summary>
/// Percentiles from every recorded latency, sorted (no HdrHistogram on the package mirror; a few hundred
/// thousand longs sort in milliseconds). Nearest-rank: p99 is the smallest value ≥ 99 % of the samples.
/// </summary>
internal sealed record LatencySummary(int Count, double P50, double P99, double P999, double Max)
{
    public static LatencySummary Empty { get; } = new(0, double.NaN, double.NaN, double.NaN, double.NaN);

    public static LatencySummary FromTicks(IEnumerable<long> stopwatchTicks) =>
        FromMilliseconds(stopwatchTicks.Select(t => t * 1000.0 / Stopwatch.Frequency));

    public static LatencySummary FromMilliseconds(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.ToArray();
        if (sorted.Length == 0)
        {
            return Empty;
        }

        Array.Sort(sorted);
        return new LatencySummary(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.99), Rank(sorted, 0.999), sorted[^1]);
    }

    internal static double Rank(double[] sorted, double quantile)
    {
        var rank = (int)Math.Ceiling(quantile * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
