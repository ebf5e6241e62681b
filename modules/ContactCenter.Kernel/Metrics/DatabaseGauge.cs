using System.Diagnostics;
using System.Diagnostics.Metrics;
using Autofac;
using ContactCenter.Kernel.Data;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Kernel.Metrics;

/// <summary>
/// Figures a module reads from the database for its observable gauges (waiting per team, inbox lag, outbox queue), read
/// at most once per <see cref="MaxAge"/> however many gauges and scrapers ask: <c>/metrics</c> adds no load in
/// proportion to how often it is scraped, and a scrape never waits for more than one small query per module.
/// </summary>
/// <remarks>
/// Freshness is measured on the machine's monotonic clock, not the product's <see cref="TimeProvider"/>: it is a cache
/// age, not a business time (a test that holds the product clock still must still see new figures).
/// </remarks>
public sealed class DatabaseGauge<T>(ILifetimeScope root, Func<ContactCenterDbContext, CancellationToken, Task<T>> read, T empty, ILogger logger)
    where T : class
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private T value = empty;
    private long readAt = long.MinValue;

    /// <summary>The figures as last read, refreshed first when older than <see cref="MaxAge"/>; the last good ones when the database fails.</summary>
    public T Current
    {
        get
        {
            lock (gate)
            {
                if (readAt != long.MinValue && Stopwatch.GetElapsedTime(readAt) < MaxAge)
                {
                    return value;
                }

                try
                {
                    using var scope = root.BeginLifetimeScope();
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                    // Observable gauges are read synchronously by the exporter; one short query, off any request thread's context.
                    value = Task.Run(() => read(scope.Resolve<ContactCenterDbContext>(), timeout.Token)).GetAwaiter().GetResult();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    logger.LogWarning(e, "Reading the figures of a gauge failed; the last ones stand");
                }

                readAt = Stopwatch.GetTimestamp();
                return value;
            }
        }
    }

    /// <summary>One measurement per labelled figure, e.g. per team or plugin.</summary>
    public static IEnumerable<Measurement<long>> PerLabel(IReadOnlyDictionary<string, long> figures, string label) =>
        figures.Select(f => new Measurement<long>(f.Value, new KeyValuePair<string, object?>(label, f.Key)));
}
