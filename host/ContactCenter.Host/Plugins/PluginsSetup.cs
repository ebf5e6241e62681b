using ContactCenter.Channels.Contracts;
using ContactCenter.Host.Setup;

namespace ContactCenter.Host.Plugins;

internal static class PluginsSetup
{
    /// <summary>Loads each <c>plugins/&lt;id&gt;/</c> folder into its own load context (see PluginLoader).</summary>
    public static void AddChannelPlugins(this WebApplicationBuilder builder, ContactCenterSettings settings)
    {
        _ = settings; // the catalog reads the folder from the registered settings when it first loads
        builder.Services.AddSingleton<PluginLoader>();
        builder.Services.AddSingleton<PluginCatalog>();
        builder.Services.AddSingleton<IChannelPluginCatalog>(sp => sp.GetRequiredService<PluginCatalog>());
        builder.Services.AddHostedService<PluginLoading>();
        builder.Services.AddHealthChecks().AddCheck<PluginsHealthCheck>("plugins", tags: [HealthSetup.Ready]);
    }
}
