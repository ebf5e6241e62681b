using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Autofac;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Metrics;

/// <summary>
/// The channels' figures on <c>/metrics</c> (meter <c>ContactCenter.Channels</c>): messages in and out per plugin, final
/// send failures per plugin and reason, and — read from the database — the inbox's lag and failures and the outbox's queue.
/// </summary>
internal sealed class ChannelMetrics
{
    public const string MeterName = "ContactCenter.Channels";

    private readonly Counter<long> received;
    private readonly Counter<long> sent;
    private readonly Counter<long> sendFailures;
    private readonly ConcurrentDictionary<Guid, string> pluginOfAccount = new();
    private readonly DatabaseGauge<Figures> figures;

    public ChannelMetrics(IMeterFactory meters, ILifetimeScope root, TimeProvider clock, ILogger<ChannelMetrics> logger)
    {
        var meter = meters.Create(MeterName);
        received = meter.CreateCounter<long>("contactcenter.messages.received", "{message}", "Messages contacts sent, per channel plugin.");
        sent = meter.CreateCounter<long>("contactcenter.messages.sent", "{message}", "Messages the provider accepted from the outbox, per channel plugin.");
        sendFailures = meter.CreateCounter<long>(
            "contactcenter.outbox.send_failures", "{message}", "Messages given up for good, per channel plugin and reason code.");
        figures = new DatabaseGauge<Figures>(root, (db, ct) => ReadAsync(db, clock, ct), Figures.None, logger);
        meter.CreateObservableGauge("contactcenter.inbox.lag", () => figures.Current.InboxLagSeconds, "s", "Age of the oldest stored webhook not processed yet.");
        meter.CreateObservableGauge("contactcenter.inbox.failures", () => figures.Current.InboxFailures, "{webhook}", "Stored webhooks that failed processing and wait for an admin.");
        meter.CreateObservableGauge(
            "contactcenter.outbox.queued", () => DatabaseGauge<Figures>.PerLabel(figures.Current.QueuedByPlugin, "plugin"), "{message}", "Messages waiting to be sent, per channel plugin.");
    }

    public async Task ReceivedAsync(ContactCenterDbContext db, Guid channelAccountId, CancellationToken cancellationToken) =>
        received.Add(1, Label(await PluginOfAsync(db, channelAccountId, cancellationToken)));

    public async Task SentAsync(ContactCenterDbContext db, Guid channelAccountId, CancellationToken cancellationToken) =>
        sent.Add(1, Label(await PluginOfAsync(db, channelAccountId, cancellationToken)));

    public async Task FailedAsync(ContactCenterDbContext db, Guid channelAccountId, string reasonCode, CancellationToken cancellationToken) =>
        sendFailures.Add(1, Label(await PluginOfAsync(db, channelAccountId, cancellationToken)), new KeyValuePair<string, object?>("reason", reasonCode));

    private static KeyValuePair<string, object?> Label(string plugin) => new("plugin", plugin);

    /// <summary>An account's plugin never changes, so it is read once per account and kept.</summary>
    private async Task<string> PluginOfAsync(ContactCenterDbContext db, Guid channelAccountId, CancellationToken cancellationToken)
    {
        if (pluginOfAccount.TryGetValue(channelAccountId, out var known))
        {
            return known;
        }

        var plugin = await db.Set<ChannelAccount>().AsNoTracking().Where(a => a.Id == channelAccountId).Select(a => a.PluginId).FirstOrDefaultAsync(cancellationToken);
        return plugin is null ? "unknown" : pluginOfAccount.GetOrAdd(channelAccountId, plugin);
    }

    private static async Task<Figures> ReadAsync(ContactCenterDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var oldest = await db.Set<InboxEntry>().AsNoTracking().Where(e => e.Status == InboxStatus.Pending).MinAsync(e => (DateTime?)e.ReceivedAt, cancellationToken);
        var failures = await db.Set<InboxEntry>().AsNoTracking().CountAsync(e => e.Status == InboxStatus.Failed, cancellationToken);
        var queued = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending)
            .GroupBy(m => m.ChannelAccountId)
            .Select(g => new { Account = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var plugins = await db.Set<ChannelAccount>().AsNoTracking().Select(a => new { a.Id, a.PluginId }).ToDictionaryAsync(a => a.Id, a => a.PluginId, cancellationToken);
        var byPlugin = plugins.Values.Distinct().ToDictionary(p => p, _ => 0L);
        foreach (var row in queued)
        {
            var plugin = plugins.GetValueOrDefault(row.Account, "unknown");
            byPlugin[plugin] = byPlugin.GetValueOrDefault(plugin) + row.Count;
        }

        var lag = oldest is { } at ? Math.Max(0, (clock.GetUtcNow().UtcDateTime - at).TotalSeconds) : 0;
        return new Figures(lag, failures, byPlugin);
    }

    private sealed record Figures(double InboxLagSeconds, long InboxFailures, IReadOnlyDictionary<string, long> QueuedByPlugin)
    {
        public static readonly Figures None = new(0, 0, new Dictionary<string, long>());
    }
}
