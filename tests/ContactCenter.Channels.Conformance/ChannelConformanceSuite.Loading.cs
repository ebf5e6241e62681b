using ContactCenter.Channels.Sdk;

namespace ContactCenter.Channels.Conformance;

public abstract partial class ChannelConformanceSuite
{
    /// <summary>plugin.json has every required field, the current contract version and an entry assembly in the folder.</summary>
    [Fact]
    public void Manifest_is_valid_for_this_contract()
    {
        Assert.True(Directory.Exists(PluginFolder), $"The plugin folder {PluginFolder} does not exist (build the plugin first).");
        var manifest = PluginFolderLoader.ReadManifest(PluginFolder);
        Assert.Empty(manifest.Validate());
        Assert.Equal(ChannelSdk.ContractVersion, manifest.ContractVersion);
        Assert.True(File.Exists(Path.Combine(PluginFolder, manifest.EntryAssembly)), $"{manifest.EntryAssembly} is not in the plugin folder.");
    }

    /// <summary>Each setting's default fits its type, and the form has something to show.</summary>
    [Fact]
    public void Settings_schema_is_well_formed()
    {
        var manifest = PluginFolderLoader.ReadManifest(PluginFolder);
        var failures = new List<string>();
        foreach (var setting in manifest.Settings)
        {
            if (setting.Default is not { } value)
            {
                continue;
            }

            var fits = setting.Type switch
            {
                SettingType.Url => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                SettingType.Number => double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _),
                SettingType.Boolean => value is "true" or "false",
                SettingType.Secret => false,
                _ => true,
            };
            if (!fits)
            {
                failures.Add($"'{setting.Key}' ({setting.Type}) has the default '{value}', which does not fit (secrets have no defaults).");
            }
        }

        NoFailures(failures, "settings with unusable defaults");
    }

    /// <summary>The entry assembly has exactly one public IChannelPlugin, and it loads beside the host's SDK.</summary>
    [Fact]
    public void Folder_holds_exactly_one_plugin_bound_to_the_hosts_sdk()
    {
        var manifest = PluginFolderLoader.ReadManifest(PluginFolder);
        foreach (var shared in PluginFolderLoader.SharedAssemblies)
        {
            Assert.False(File.Exists(Path.Combine(PluginFolder, shared + ".dll")),
                $"The folder ships its own {shared}.dll; reference it with Private=false/ExcludeAssets=runtime so the host's copy is used.");
        }

        var types = PluginFolderLoader.FindPluginTypes(PluginFolder, manifest);
        Assert.True(types.Count == 1, $"Expected exactly one public IChannelPlugin, found {types.Count}.");
        Assert.NotNull(types[0].GetConstructor(Type.EmptyTypes));
        Assert.IsAssignableFrom<IChannelPlugin>(Activator.CreateInstance(types[0]));
    }

    /// <summary>The capabilities the manifest claims are implemented by the adapter.</summary>
    [Fact]
    public void Capabilities_match_the_adapter()
    {
        var manifest = PluginFolderLoader.ReadManifest(PluginFolder);
        var adapter = CreateAdapter();
        Assert.True(manifest.Capabilities.Templates == adapter is ISupportsTemplates,
            $"capabilities.templates is {manifest.Capabilities.Templates}, but the adapter {(adapter is ISupportsTemplates ? "implements" : "does not implement")} ISupportsTemplates.");
        Assert.True(manifest.Capabilities.Media == adapter is ISupportsMedia,
            $"capabilities.media is {manifest.Capabilities.Media}, but the adapter {(adapter is ISupportsMedia ? "implements" : "does not implement")} ISupportsMedia.");
    }
}
