using ContactCenter.Channels.Contracts;
using ContactCenter.Channels.Sdk;
using ContactCenter.Kernel.Errors;

namespace ContactCenter.Channels.Accounts;

/// <summary>The rules creating and editing an account share.</summary>
internal static class AccountRules
{
    public const int MaxNameLength = 200;

    public static void CheckName(Validator validator, string? name)
    {
        validator.Require("name", name, "Name the account (e.g. the number or the team that uses it).");
        validator.Check((name?.Trim().Length ?? 0) <= MaxNameLength, "name", $"Use at most {MaxNameLength} characters.");
    }

    /// <summary>The manifest of a plugin an account can use now, or the error saying why it cannot.</summary>
    public static Result<PluginManifest> FindUsablePlugin(IChannelPluginCatalog catalog, string pluginId) =>
        catalog.Find(pluginId) switch
        {
            null => new Error("unknown_plugin", $"There is no plugin '{pluginId}'. GET /api/v1/plugins lists the installed ones."),
            { IsLoaded: false } plugin => new Error(
                "plugin_not_loaded",
                $"The plugin '{pluginId}' is installed but {plugin.Status.ToString().ToLowerInvariant()}: {plugin.Error}"),
            { Manifest: { } manifest } => manifest,
            _ => new Error("plugin_not_loaded", $"The plugin '{pluginId}' has no manifest."),
        };
}
