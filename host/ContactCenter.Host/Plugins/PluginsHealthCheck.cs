using ContactCenter.Channels.Contracts;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContactCenter.Host.Plugins;

/// <summary>
/// Ready once the plugins folder was read. A failed or rejected plugin degrades the check (the channels of
/// the other plugins still work), it never makes the node unhealthy.
/// </summary>
internal sealed class PluginsHealthCheck(PluginCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!catalog.HasLoaded)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The plugins have not been loaded yet."));
        }

        var plugins = catalog.Plugins;
        var loaded = plugins.Count(p => p.Status == PluginStatus.Loaded);
        var failed = plugins.Count(p => p.Status == PluginStatus.Failed);
        var rejected = plugins.Count(p => p.Status == PluginStatus.Rejected);
        var description = $"{loaded} loaded, {failed} failed, {rejected} rejected.";
        return Task.FromResult(failed + rejected == 0
            ? HealthCheckResult.Healthy(description)
            : HealthCheckResult.Degraded(
                $"{description} Not loaded: {string.Join(", ", plugins.Where(p => !p.IsLoaded).Select(p => p.Id))} (see GET /api/v1/plugins)."));
    }
}
