using System.Reflection;

namespace ContactCenter.Host.Tests.Infrastructure;

public static class TestPaths
{
    /// <summary>The repository root (the folder holding ContactCenter.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The plugins folder the build put beside this test assembly (see plugins/ChannelPlugins.targets).</summary>
    public static string PluginsDirectory => Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>Fixture plugins (good, broken) the build put beside this test assembly (see tests/TestPlugins).</summary>
    public static string TestPluginsDirectory => Path.Combine(AppContext.BaseDirectory, "test-plugins");

    public static string Configuration =>
        typeof(TestPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ContactCenter.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ContactCenter.sln not found above the test folder.");
    }
}
