using ContactCenter.Channels.Contracts;
using ContactCenter.Channels.Sdk;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Channels.Plugins;

internal static class ListPlugins
{
    /// <summary>A plugin folder as admins see it; the settings schema is what the account form is built from.</summary>
    internal sealed record PluginView(
        string Id,
        string Name,
        string? Version,
        int? ContractVersion,
        string? Sha256,
        PluginStatus Status,
        string? Error,
        string? Publisher,
        string? Description,
        string Folder,
        ChannelCapabilities Capabilities,
        IReadOnlyList<SettingDefinition> Settings)
    {
        public static PluginView From(LoadedPlugin plugin) => new(
            plugin.Id,
            plugin.Name,
            plugin.Version,
            plugin.ContractVersion,
            plugin.Sha256,
            plugin.Status,
            plugin.Error,
            plugin.Manifest?.Publisher,
            plugin.Manifest?.Description,
            plugin.Folder,
            plugin.Manifest?.Capabilities ?? new ChannelCapabilities(),
            plugin.Manifest?.Settings ?? []);
    }

    internal sealed class Handler(IChannelPluginCatalog catalog)
    {
        public IReadOnlyList<PluginView> Handle() => catalog.Plugins.Select(PluginView.From).ToList();
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/plugins", (Handler handler) => TypedResults.Ok(handler.Handle()))
        .WithName("ListPlugins")
        .WithSummary("List channel plugins")
        .WithDescription("Every folder under the plugins directory: loaded, failed (with the error) or rejected by the allow-list, " +
            "with the SHA-256 of its entry assembly, its capabilities and the settings schema of its channel accounts.")
        .WithTags("Plugins")
        .RequireAuthorization(Policies.Admin);
}
