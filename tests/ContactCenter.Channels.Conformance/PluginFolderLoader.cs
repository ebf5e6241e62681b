using System.Reflection;
using System.Runtime.Loader;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Channels.Conformance;

/// <summary>
/// Loads a plugin folder the way the ContactCenter host does (a copy of its loader's rules, so the kit needs
/// no host): read and check <c>plugin.json</c>, then load the entry assembly in its own load context that shares
/// only the SDK and the logging abstractions with the host, and create the one public <see cref="IChannelPlugin"/>.
/// </summary>
public static class PluginFolderLoader
{
    /// <summary>The assemblies the host shares with every plugin; a plugin must not ship its own copies.</summary>
    public static IReadOnlySet<string> SharedAssemblies { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        typeof(IChannelPlugin).Assembly.GetName().Name!,
        typeof(Microsoft.Extensions.Logging.ILogger).Assembly.GetName().Name!,
    };

    /// <summary>Reads <c>plugin.json</c> from the folder.</summary>
    /// <param name="folder">The plugin folder.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="PluginManifestException">The manifest is missing fields or invalid.</exception>
    public static PluginManifest ReadManifest(string folder)
    {
        var path = Path.Combine(folder, ChannelSdk.ManifestFileName);
        return File.Exists(path)
            ? PluginManifest.Parse(File.ReadAllText(path))
            : throw new PluginManifestException($"{path} does not exist.");
    }

    /// <summary>The public, non-abstract <see cref="IChannelPlugin"/> classes of the entry assembly, loaded as the host would.</summary>
    /// <param name="folder">The plugin folder.</param>
    /// <param name="manifest">Its manifest.</param>
    /// <returns>The candidate types (the host accepts exactly one).</returns>
    public static IReadOnlyList<Type> FindPluginTypes(string folder, PluginManifest manifest)
    {
        var entryPath = Path.GetFullPath(Path.Combine(folder, manifest.EntryAssembly));
        var context = new ConformanceLoadContext(manifest.Id, entryPath);
        var assembly = context.LoadFromAssemblyPath(entryPath);
        return assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IChannelPlugin).IsAssignableFrom(t))
            .ToList();
    }

    /// <summary>Loads the folder's plugin like the host.</summary>
    /// <param name="folder">The plugin folder.</param>
    /// <returns>The manifest and the plugin instance.</returns>
    public static (PluginManifest Manifest, IChannelPlugin Plugin) Load(string folder)
    {
        var manifest = ReadManifest(folder);
        var types = FindPluginTypes(folder, manifest);
        if (types.Count != 1)
        {
            throw new InvalidOperationException(
                $"{manifest.EntryAssembly} must have exactly one public IChannelPlugin class; it has {types.Count}: {string.Join(", ", types.Select(t => t.FullName))}.");
        }

        return (manifest, (IChannelPlugin)Activator.CreateInstance(types[0])!);
    }

    private sealed class ConformanceLoadContext(string pluginId, string entryAssemblyPath)
        : AssemblyLoadContext($"conformance:{pluginId}:{Guid.NewGuid():N}", isCollectible: false)
    {
        private readonly AssemblyDependencyResolver _resolver = new(entryAssemblyPath);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (assemblyName.Name is { } name && SharedAssemblies.Contains(name))
            {
                return null;
            }

            return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
            _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
    }
}
