namespace ContactCenter.Host.Plugins;

/// <summary>
/// <c>ContactCenter:Plugins:Allowed</c>: an optional list of <c>{ "id", "sha256" }</c>. A load context isolates
/// dependencies, not trust (a plugin runs with the host's rights), so a site that wants to vouch for every
/// plugin lists each one with the hash of its entry assembly; when the list exists, nothing else loads.
/// </summary>
internal sealed class PluginAllowList(IReadOnlyList<(string Id, string Sha256)> entries)
{
    public const string Section = "ContactCenter:Plugins:Allowed";

    public static PluginAllowList? From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return section.Exists()
            ? new PluginAllowList(section.GetChildren().Select(c => (c["id"] ?? string.Empty, c["sha256"] ?? string.Empty)).ToList())
            : null;
    }

    public bool Allows(string id, string sha256) =>
        entries.Any(e => e.Id == id && string.Equals(e.Sha256, sha256, StringComparison.OrdinalIgnoreCase));
}
