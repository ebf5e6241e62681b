using ContactCenter.Channels.Sdk;

namespace ContactCenter.Channels.Contracts;

/// <summary>
/// The channel plugins found in the plugins folder at start-up, loaded or not. A singleton: plugins are
/// loaded once per process (restart to add or update one).
/// </summary>
public interface IChannelPluginCatalog
{
    /// <summary>Every plugin folder, ordered by id; failed and rejected ones too, with their error.</summary>
    IReadOnlyList<LoadedPlugin> Plugins { get; }

    /// <summary>The plugin with this id (loaded or not), or null.</summary>
    LoadedPlugin? Find(string id) => Plugins.FirstOrDefault(p => p.Id == id);
}

/// <summary>
/// One plugin folder and what became of it. <see cref="Manifest"/> is set once plugin.json was read;
/// <see cref="Plugin"/> only when <see cref="Status"/> is <see cref="PluginStatus.Loaded"/>.
/// </summary>
public sealed record LoadedPlugin(
    string Id,
    string Name,
    string? Version,
    int? ContractVersion,
    string? Sha256,
    PluginStatus Status,
    string? Error,
    string Folder,
    PluginManifest? Manifest,
    IChannelPlugin? Plugin)
{
    public bool IsLoaded => Status == PluginStatus.Loaded && Plugin is not null;
}

public enum PluginStatus
{
    Loaded,

    /// <summary>Broken: unreadable manifest, other contract version, missing assembly, throwing constructor…</summary>
    Failed,

    /// <summary>Not on the configured allow-list (id + SHA-256 of the entry assembly).</summary>
    Rejected,
}
