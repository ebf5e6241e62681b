using Microsoft.Extensions.Configuration;

namespace ContactCenter.Channels.Webhooks;

/// <summary>The webhook group commit's knobs, from <c>ContactCenter:Inbox:GroupCommit:*</c> (docs/inbound-messaging.md).</summary>
internal sealed record InboxGroupCommitOptions
{
    /// <summary>At most this many webhooks share one commit (K); more wait for the next one.</summary>
    public int MaxRows { get; init; } = 200;

    /// <summary>A group stops growing past this many body bytes, so a burst of large payloads is not one huge transaction.</summary>
    public int MaxBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>
    /// Webhooks waiting for a commit at most; past it a request waits for room (back-pressure on the provider,
    /// which retries) instead of the queue growing without bound.
    /// </summary>
    public int QueueCapacity { get; init; } = 10_000;

    public static InboxGroupCommitOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("ContactCenter:Inbox:GroupCommit");
        var defaults = new InboxGroupCommitOptions();
        return new InboxGroupCommitOptions
        {
            MaxRows = Math.Max(1, section.GetValue("MaxRows", defaults.MaxRows)),
            MaxBytes = Math.Max(1, section.GetValue("MaxBytes", defaults.MaxBytes)),
            QueueCapacity = Math.Max(1, section.GetValue("QueueCapacity", defaults.QueueCapacity)),
        };
    }
}
