using ContactCenter.Channels.Contracts;
using ContactCenter.Host.Setup;

namespace ContactCenter.Host.Plugins;

/// <summary>The plugins, loaded once on first use (at the latest when the host starts).</summary>
internal sealed class PluginCatalog(ContactCenterSettings settings, IConfiguration configuration, PluginLoader loader)
    : IChannelPluginCatalog
{
    private readonly Lazy<IReadOnlyList<LoadedPlugin>> _plugins = new(
        () => loader.LoadAll(settings.PluginsDirectory, PluginAllowList.From(configuration)),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public IReadOnlyList<LoadedPlugin> Plugins => _plugins.Value;

    public bool HasLoaded => _plugins.IsValueCreated;
}

/// <summary>Loads the plugins as the host starts, so a broken one shows in the log at once.</summary>
internal sealed class PluginLoading(PluginCatalog catalog) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = catalog.Plugins;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
