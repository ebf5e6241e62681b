using System.Collections.Concurrent;
using System.Globalization;
using ContactCenter.Channels.Contracts;
using ContactCenter.Channels.Sdk;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Outbound;

/// <summary>An account's adapter with the send rate it was built for.</summary>
internal sealed record BoundAdapter(DateTime Stamp, IChannelAdapter Adapter, double MessagesPerSecond);

/// <summary>
/// One adapter per channel account, kept while the account is unchanged (an edit bumps UpdatedAt, which
/// rebuilds it with the new settings). Adapters share one HTTP client the host owns, as the SDK promises.
/// </summary>
internal sealed class SendingAdapters(IChannelPluginCatalog catalog, OutboxOptions options, ILoggerFactory loggers, TimeProvider clock)
    : IDisposable
{
    /// <summary>An optional account setting a plugin may declare to override the configured rate.</summary>
    public const string RateSetting = "messagesPerSecond";

    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = options.HttpTimeout,
    };

    private readonly ConcurrentDictionary<Guid, BoundAdapter> _cache = new();

    /// <summary>The account's adapter, or null when the account is gone or its plugin is not loaded.</summary>
    public async Task<BoundAdapter?> GetAsync(IChannelsApi channels, Guid accountId, CancellationToken cancellationToken)
    {
        var account = await channels.FindAccountAsync(accountId, cancellationToken);
        if (account is null)
        {
            _cache.TryRemove(accountId, out _);
            return null;
        }

        if (_cache.TryGetValue(accountId, out var cached) && cached.Stamp == account.UpdatedAt)
        {
            return cached;
        }

        var plugin = catalog.Find(account.PluginId);
        var settings = await channels.GetSettingsAsync(accountId, cancellationToken);
        if (plugin?.Plugin is null || !plugin.IsLoaded || settings is null)
        {
            return null;
        }

        var adapter = plugin.Plugin.CreateAdapter(new ChannelAccountContext(
            accountId, settings.Settings, _http, loggers.CreateLogger($"ContactCenter.Plugins.{plugin.Id}"), clock));
        var rate = settings.Settings.TryGetValue(RateSetting, out var text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var perSecond) && perSecond > 0
                ? perSecond
                : options.MessagesPerSecondByPlugin.GetValueOrDefault(plugin.Id, options.MessagesPerSecond);
        var bound = new BoundAdapter(account.UpdatedAt, adapter, rate);
        _cache[accountId] = bound;
        return bound;
    }

    public void Dispose() => _http.Dispose();
}
