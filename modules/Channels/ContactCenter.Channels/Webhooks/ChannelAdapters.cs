using System.Collections.Concurrent;
using Autofac;
using ContactCenter.Channels.Contracts;
using ContactCenter.Channels.Sdk;
using ContactCenter.Kernel.Events;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Webhooks;

/// <summary>
/// One adapter per channel account, built once from its decrypted settings, so a webhook costs no database
/// read or decryption beyond the first. Dropped when the account changes or goes (in this process by event;
/// other nodes rebuild after <see cref="MaxAge"/>).
/// </summary>
internal sealed class ChannelAdapters(
    ILifetimeScope scope,
    IChannelPluginCatalog catalog,
    ILoggerFactory loggers,
    TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<Guid, Cached> _cache = new();

    // Adapters call the provider through it; long enough for a media download, never forever.
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The account's adapter, or null when the account does not exist or its plugin is not loaded.</summary>
    public async Task<IChannelAdapter?> FindAsync(Guid channelAccountId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(channelAccountId, out var cached) && now - cached.BuiltAt < MaxAge)
        {
            return cached.Adapter;
        }

        await using var lookup = scope.BeginLifetimeScope();
        var account = await lookup.Resolve<IChannelsApi>().GetSettingsAsync(channelAccountId, cancellationToken);
        if (account is null || catalog.Find(account.Account.PluginId) is not { IsLoaded: true, Plugin: { } plugin })
        {
            _cache.TryRemove(channelAccountId, out _);
            return null;
        }

        var adapter = plugin.CreateAdapter(new ChannelAccountContext(
            channelAccountId,
            account.Settings,
            _http,
            loggers.CreateLogger("ContactCenter.Plugins." + account.Account.PluginId),
            clock));
        _cache[channelAccountId] = new Cached(adapter, now);
        return adapter;
    }

    public void Forget(Guid channelAccountId) => _cache.TryRemove(channelAccountId, out _);

    public void Dispose() => _http.Dispose();

    private sealed record Cached(IChannelAdapter Adapter, DateTimeOffset BuiltAt);
}

/// <summary>Stale adapters go as soon as their account changes or is deleted.</summary>
[RunsIn(EventPhase.Record)]
internal sealed class ForgetChangedAdapters(ChannelAdapters adapters)
    : IEventHandler<ChannelAccountUpdated>, IEventHandler<ChannelAccountDeleted>
{
    public Task HandleAsync(ChannelAccountUpdated domainEvent, CancellationToken cancellationToken)
    {
        adapters.Forget(domainEvent.ChannelAccountId);
        return Task.CompletedTask;
    }

    public Task HandleAsync(ChannelAccountDeleted domainEvent, CancellationToken cancellationToken)
    {
        adapters.Forget(domainEvent.ChannelAccountId);
        return Task.CompletedTask;
    }
}
