using Microsoft.Extensions.Configuration;

namespace ContactCenter.Channels.Outbound;

/// <summary>The sender's knobs, from <c>ContactCenter:Outbox:*</c>.</summary>
internal sealed record OutboxOptions
{
    /// <summary>
    /// Per channel account, unless the account has a <c>messagesPerSecond</c> setting or its plugin a rate in
    /// <see cref="MessagesPerSecondByPlugin"/> (WhatsApp Cloud's default throughput is 80 per business number).
    /// </summary>
    public double MessagesPerSecond { get; init; } = 80;

    /// <summary>A plugin's default rate for its accounts (<c>ContactCenter:Outbox:MessagesPerSecondByPlugin:&lt;pluginId&gt;</c>).</summary>
    public IReadOnlyDictionary<string, double> MessagesPerSecondByPlugin { get; init; } = new Dictionary<string, double>();

    public int MaxAttempts { get; init; } = 10;

    public TimeSpan MaxAge { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long a claimed row is ours; past it another sender may send it again (see OutboxSender).</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public int BatchSize { get; init; } = 50;

    public int Parallelism { get; init; } = 8;

    /// <summary>False runs no background loop (tests drive the sender by hand).</summary>
    public bool BackgroundSending { get; init; } = true;

    public static OutboxOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("ContactCenter:Outbox");
        var defaults = new OutboxOptions();
        var httpTimeout = section.GetValue("HttpTimeoutSeconds", defaults.HttpTimeout.TotalSeconds);

        // A lease shorter than a send could let another node take a row that is still being sent.
        var lease = Math.Max(section.GetValue("LeaseSeconds", defaults.Lease.TotalSeconds), (httpTimeout * 2) + 10);
        return new OutboxOptions
        {
            MessagesPerSecond = section.GetValue("MessagesPerSecond", defaults.MessagesPerSecond),
            MessagesPerSecondByPlugin = section.GetSection("MessagesPerSecondByPlugin").GetChildren()
                .Where(c => double.TryParse(c.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var rate) && rate > 0)
                .ToDictionary(c => c.Key, c => double.Parse(c.Value!, System.Globalization.CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase),
            MaxAttempts = section.GetValue("MaxAttempts", defaults.MaxAttempts),
            MaxAge = TimeSpan.FromSeconds(section.GetValue("MaxAgeSeconds", defaults.MaxAge.TotalSeconds)),
            Lease = TimeSpan.FromSeconds(lease),
            PollInterval = TimeSpan.FromMilliseconds(section.GetValue("PollMilliseconds", defaults.PollInterval.TotalMilliseconds)),
            HttpTimeout = TimeSpan.FromSeconds(httpTimeout),
            BatchSize = section.GetValue("BatchSize", defaults.BatchSize),
            Parallelism = section.GetValue("Parallelism", defaults.Parallelism),
            BackgroundSending = section.GetValue("BackgroundSending", defaults.BackgroundSending),
        };
    }
}
