using System.Reflection;
using System.Runtime.Loader;

namespace ContactCenter.Host.Plugins;

/// <summary>
/// One plugin's assemblies. The shared assemblies (the SDK and the logging abstractions) always come from
/// the host, so <c>IChannelPlugin</c> in the plugin is the host's type; everything else the plugin ships
/// is resolved from its own folder through its <c>.deps.json</c>, so its dependencies never clash with the
/// host's. Not collectible: updating a plugin means restarting, which is simpler and leaks nothing.
/// </summary>
internal sealed class PluginLoadContext(string pluginId, string entryAssemblyPath, IReadOnlySet<string> sharedAssemblies)
    : AssemblyLoadContext($"plugin:{pluginId}", isCollectible: false)
{
    private readonly AssemblyDependencyResolver _resolver = new(entryAssemblyPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is { } name && sharedAssemblies.Contains(name))
        {
            return null;
        }

        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
