using Microsoft.Extensions.Configuration;

namespace ContactCenter.Channels.Inbox;

/// <summary>The inbox processor's knobs, from <c>ContactCenter:Inbox:Processor:*</c> (docs/inbound-messaging.md).</summary>
internal sealed record InboxProcessorOptions
{
    /// <summary>The most stored webhooks one transaction takes (N); batches grow towards it while they stay quick.</summary>
    public int MaxBatchSize { get; init; } = 200;

    /// <summary>The fewest a full batch shrinks to when batches run long or keep failing.</summary>
    public int MinBatchSize { get; init; } = 10;

    /// <summary>
    /// How long one batch should take at most: a longer one halves the next (on SQLite the batch holds the single
    /// write gate, and webhook acknowledgements wait behind it), a full one well under it doubles the next.
    /// </summary>
    public TimeSpan TargetBatchTime { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Workers taking disjoint batches where the database has concurrent writers (PostgreSQL); SQLite has one.</summary>
    public int Workers { get; init; } = 3;

    public static InboxProcessorOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("ContactCenter:Inbox:Processor");
        var defaults = new InboxProcessorOptions();
        var max = Math.Max(1, section.GetValue("MaxBatchSize", defaults.MaxBatchSize));
        return new InboxProcessorOptions
        {
            MaxBatchSize = max,
            MinBatchSize = Math.Clamp(section.GetValue("MinBatchSize", defaults.MinBatchSize), 1, max),
            TargetBatchTime = TimeSpan.FromMilliseconds(Math.Max(1, section.GetValue("TargetBatchMilliseconds", defaults.TargetBatchTime.TotalMilliseconds))),
            Workers = Math.Max(1, section.GetValue("Workers", defaults.Workers)),
        };
    }
}
