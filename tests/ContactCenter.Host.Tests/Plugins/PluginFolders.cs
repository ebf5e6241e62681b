using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Plugins;

/// <summary>A temporary plugins directory assembled from the shipped and the fixture plugin folders.</summary>
public sealed class PluginFolders : IDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "cc-plugins", Guid.NewGuid().ToString("N"));

    public PluginFolders()
    {
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>Copies a shipped plugin (e.g. <c>whatsapp-cloud</c>) or a fixture (e.g. <c>test-good</c>).</summary>
    public PluginFolders With(string folder, string? asFolder = null)
    {
        var shipped = Path.Combine(TestPaths.PluginsDirectory, folder);
        var source = System.IO.Directory.Exists(shipped) ? shipped : Path.Combine(TestPaths.TestPluginsDirectory, folder);
        var target = Path.Combine(Directory, asFolder ?? folder);
        System.IO.Directory.CreateDirectory(target);
        foreach (var file in System.IO.Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return this;
    }

    public PluginFolders WithShipped() => With("whatsapp-cloud").With("sandbox");

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (UnauthorizedAccessException)
        {
            // Loaded plugin assemblies stay mapped on some systems; the temp folder is disposable anyway.
        }
        catch (IOException)
        {
        }
    }
}
