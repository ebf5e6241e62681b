using System.Reflection;
using System.Security.Cryptography;
using ContactCenter.Channels.Contracts;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Host.Plugins;

/// <summary>
/// Loads every <c>&lt;plugins&gt;/&lt;folder&gt;/plugin.json</c>. Whatever goes wrong with one plugin is logged and
/// recorded on it (failed or rejected) and the next is tried: a broken plugin never stops the host.
/// </summary>
internal sealed class PluginLoader(ILogger<PluginLoader> logger)
{
    private static readonly IReadOnlySet<string> SharedAssemblies = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        typeof(IChannelPlugin).Assembly.GetName().Name!,
        typeof(Microsoft.Extensions.Logging.ILogger).Assembly.GetName().Name!,
    };

    public IReadOnlyList<LoadedPlugin> LoadAll(string pluginsDirectory, PluginAllowList? allowList)
    {
        if (!Directory.Exists(pluginsDirectory))
        {
            logger.LogWarning("The plugins folder {Folder} does not exist; no channel can be used", pluginsDirectory);
            return [];
        }

        var plugins = new List<LoadedPlugin>();
        foreach (var folder in Directory.GetDirectories(pluginsDirectory).Order(StringComparer.Ordinal))
        {
            var plugin = Load(folder, allowList);
            if (plugin.IsLoaded && plugins.Any(p => p.IsLoaded && p.Id == plugin.Id))
            {
                plugin = plugin with { Status = PluginStatus.Failed, Plugin = null, Error = $"Another folder already holds the plugin '{plugin.Id}'." };
            }

            Log(plugin);
            plugins.Add(plugin);
        }

        return plugins.OrderBy(p => p.Id, StringComparer.Ordinal).ThenBy(p => p.Folder, StringComparer.Ordinal).ToList();
    }

    private static LoadedPlugin Load(string folder, PluginAllowList? allowList)
    {
        var folderName = Path.GetFileName(folder);
        var manifestPath = Path.Combine(folder, ChannelSdk.ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            return new LoadedPlugin(folderName, folderName, null, null, null, PluginStatus.Failed,
                $"The folder has no {ChannelSdk.ManifestFileName}.", folder, null, null);
        }

        PluginManifest manifest;
        try
        {
            manifest = PluginManifest.Parse(File.ReadAllText(manifestPath));
        }
        catch (Exception e) when (e is PluginManifestException or IOException or UnauthorizedAccessException)
        {
            return new LoadedPlugin(folderName, folderName, null, null, null, PluginStatus.Failed, e.Message, folder, null, null);
        }

        var described = new LoadedPlugin(manifest.Id, manifest.Name, manifest.Version, manifest.ContractVersion, null,
            PluginStatus.Failed, null, folder, manifest, null);
        if (manifest.ContractVersion != ChannelSdk.ContractVersion)
        {
            return described with
            {
                Error = $"It was built for contract version {manifest.ContractVersion}; this ContactCenter supports version {ChannelSdk.ContractVersion}. Install a matching version of the plugin.",
            };
        }

        var entryPath = Path.Combine(folder, manifest.EntryAssembly);
        if (!File.Exists(entryPath))
        {
            return described with { Error = $"Its entry assembly {manifest.EntryAssembly} is not in the folder." };
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(entryPath)));
        described = described with { Sha256 = sha256 };
        if (allowList is not null && !allowList.Allows(manifest.Id, sha256))
        {
            return described with
            {
                Status = PluginStatus.Rejected,
                Error = $"'{manifest.Id}' with SHA-256 {sha256} is not on {PluginAllowList.Section}.",
            };
        }

        try
        {
            return described with { Status = PluginStatus.Loaded, Plugin = Instantiate(manifest, entryPath) };
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            return described with { Error = $"Its constructor threw {inner.GetType().Name}: {inner.Message}" };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return described with { Error = $"It could not be loaded: {e.GetType().Name}: {e.Message}" };
        }
    }

    private static IChannelPlugin Instantiate(PluginManifest manifest, string entryPath)
    {
        var context = new PluginLoadContext(manifest.Id, entryPath, SharedAssemblies);
        var assembly = context.LoadFromAssemblyPath(entryPath);
        var candidates = assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IChannelPlugin).IsAssignableFrom(t))
            .ToList();
        return candidates.Count switch
        {
            1 => (IChannelPlugin)Activator.CreateInstance(candidates[0])!,
            0 => throw new InvalidOperationException($"{manifest.EntryAssembly} has no public class implementing IChannelPlugin."),
            _ => throw new InvalidOperationException(
                $"{manifest.EntryAssembly} has {candidates.Count} public IChannelPlugin classes ({string.Join(", ", candidates.Select(c => c.FullName))}); it must have exactly one."),
        };
    }

    private void Log(LoadedPlugin plugin)
    {
        if (plugin.IsLoaded)
        {
            logger.LogInformation(
                "Loaded plugin {PluginId} {Version} (contract {ContractVersion}, SHA-256 {Sha256}) from {Folder}",
                plugin.Id, plugin.Version, plugin.ContractVersion, plugin.Sha256, plugin.Folder);
        }
        else
        {
            logger.LogError("Plugin {PluginId} in {Folder} was {Status}: {Error}", plugin.Id, plugin.Folder, plugin.Status, plugin.Error);
        }
    }
}
