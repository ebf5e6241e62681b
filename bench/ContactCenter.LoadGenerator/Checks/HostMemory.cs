using System.Globalization;

namespace ContactCenter.LoadGenerator.Checks;

/// <summary>The host's memory once the backlog has drained (issue 10: 10,000 open conversations in ≤ 1 GiB RSS):
/// the resident set from <c>/proc/&lt;pid&gt;/status</c> when the tool started the host, and the GC heap and working
/// set from the host's own <c>/metrics</c> (served to loopback callers).</summary>
internal sealed record HostMemory(long? RssBytes, long? GcHeapBytes, long? WorkingSetBytes)
{
    /// <summary>Issue 10's memory target on one node.</summary>
    public const long TargetRssBytes = 1L << 30;

    public static async Task<HostMemory> ReadAsync(Uri hostUrl, int? pid, CancellationToken ct)
    {
        var rss = pid is { } id ? ReadRss(id) : null;
        long? heap = null, workingSet = null;
        try
        {
            using var http = new HttpClient { BaseAddress = hostUrl, Timeout = TimeSpan.FromSeconds(10) };
            var scrape = await http.GetStringAsync("/metrics", ct);
            heap = Sum(scrape, "dotnet_gc_last_collection_heap_size_bytes");
            workingSet = Sum(scrape, "dotnet_process_memory_working_set_bytes");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // metrics switched off or not served: RSS alone is still worth reporting
        }

        return new HostMemory(rss, heap, workingSet);
    }

    /// <summary>Sums a Prometheus metric over its labels (the GC heap is reported per generation).</summary>
    internal static long? Sum(string scrape, string metric)
    {
        double? total = null;
        foreach (var line in scrape.Split('\n'))
        {
            if (!line.StartsWith(metric, StringComparison.Ordinal) || line.Length == metric.Length || line[metric.Length] is not ('{' or ' '))
            {
                continue;
            }

            var value = line[(line.LastIndexOf('}') is var brace and >= 0 ? brace + 1 : metric.Length)..].Trim().Split(' ')[0];
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                total = (total ?? 0) + v;
            }
        }

        return total is { } t ? (long)t : null;
    }

    private static long? ReadRss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null
                : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
