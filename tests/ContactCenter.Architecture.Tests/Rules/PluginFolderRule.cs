namespace ContactCenter.Architecture.Tests.Rules;

/// <summary>
/// Rule c (build output): a plugin folder must not carry its own copy of the SDK (it has to share the host's, or
/// its types would not match the host's), nor of any other ContactCenter assembly. The SDK reference therefore
/// needs Private="false" / ExcludeAssets="runtime".
/// </summary>
internal static class PluginFolderRule
{
    public static IReadOnlyList<string> Check(string plugin, string folder, IEnumerable<string> fileNames) =>
    [
        .. fileNames
            .Where(f => f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && Names.IsOurs(f))
            .Where(f => !string.Equals(f, plugin + ".dll", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => f.Equals(Names.Sdk + ".dll", StringComparison.OrdinalIgnoreCase)
                ? $"{folder} holds {f}; reference the SDK with Private=\"false\" (or ExcludeAssets=\"runtime\") so the host's copy is shared."
                : $"{folder} holds {f}; a plugin folder carries only the plugin and its third-party dependencies."),
    ];
}
