using System.Collections.Concurrent;
using System.Reflection;
using System.Xml.Linq;

namespace ContactCenter.Architecture.Tests.Discovery;

/// <summary>
/// Finds the projects the rules apply to by scanning the repository, so a module or plugin merged later is
/// checked without touching the tests. Classification follows the layout of ARCHITECTURE.md; anything under
/// modules/ or plugins/ that fits no kind is reported as <see cref="ProjectKind.Unclassified"/> and fails a test.
/// </summary>
internal static class Repo
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);
    private static readonly Lazy<IReadOnlyList<ProjectUnderTest>> LazyProjects = new(Scan);
    private static readonly ConcurrentDictionary<string, ProjectUnderTest> Fixtures = new(StringComparer.Ordinal);

    public static string Root => LazyRoot.Value;

    public static IReadOnlyList<ProjectUnderTest> Projects => LazyProjects.Value;

    public static string Configuration => Metadata("Configuration");

    public static string TargetFramework => Metadata("TargetFramework");

    public static IEnumerable<ProjectUnderTest> OfKind(ProjectKind kind) => Projects.Where(p => p.Kind == kind);

    public static ProjectUnderTest Single(ProjectKind kind) =>
        OfKind(kind).SingleOrDefault() ?? throw new InvalidOperationException($"No {kind} project found under {Root}.");

    public static ProjectUnderTest Named(string assemblyName) =>
        Projects.SingleOrDefault(p => p.AssemblyName == assemblyName)
        ?? throw new InvalidOperationException($"Project {assemblyName} was not discovered under {Root}.");

    /// <summary>A negative fixture under tests/ArchitectureFixtures/&lt;name&gt;/.</summary>
    public static ProjectUnderTest Fixture(string name) => Fixtures.GetOrAdd(name, n =>
        Describe(Path.Combine(Root, "tests", "ArchitectureFixtures", n, n + ".csproj"), ProjectKind.Unclassified));

    private static IReadOnlyList<ProjectUnderTest> Scan()
    {
        var files = new[] { "modules", "plugins", "host" }
            .Select(dir => Path.Combine(Root, dir))
            .Where(Directory.Exists)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.csproj", SearchOption.AllDirectories))
            .Where(f => !IsUnderBuildOutput(f))
            .Order(StringComparer.Ordinal);
        return [.. files.Select(f => Describe(f, Classify(f)))];
    }

    private static ProjectKind Classify(string projectFile)
    {
        var relative = Path.GetRelativePath(Root, projectFile).Replace('\\', '/');
        var name = Path.GetFileNameWithoutExtension(projectFile);
        return relative switch
        {
            "modules/ContactCenter.Kernel/ContactCenter.Kernel.csproj" => ProjectKind.Kernel,
            "host/ContactCenter.Host/ContactCenter.Host.csproj" => ProjectKind.Host,
            _ when relative.StartsWith("modules/", StringComparison.Ordinal)
                && name.StartsWith("ContactCenter.", StringComparison.Ordinal)
                && name.EndsWith(".Contracts", StringComparison.Ordinal) => ProjectKind.Contracts,
            _ when relative.StartsWith("modules/", StringComparison.Ordinal)
                && name.StartsWith("ContactCenter.", StringComparison.Ordinal) => ProjectKind.Module,
            _ when relative.StartsWith("plugins/", StringComparison.Ordinal)
                && name == "ContactCenter.Channels.Sdk" => ProjectKind.Sdk,
            _ when relative.StartsWith("plugins/", StringComparison.Ordinal)
                && name.StartsWith("ContactCenter.Plugins.", StringComparison.Ordinal) => ProjectKind.Plugin,
            _ => ProjectKind.Unclassified,
        };
    }

    // Projects are assumed to build to the SDK's default bin/<Configuration>/<TargetFramework>/; a project
    // that moves its output makes the "every assembly exists" test fail rather than escape the rules.
    private static ProjectUnderTest Describe(string projectFile, ProjectKind kind)
    {
        var assemblyName = XDocument.Load(projectFile).Descendants("AssemblyName").LastOrDefault()?.Value
            ?? Path.GetFileNameWithoutExtension(projectFile);
        var output = Path.Combine(Path.GetDirectoryName(projectFile)!, "bin", Configuration, TargetFramework);
        return new ProjectUnderTest(assemblyName, kind, projectFile, Path.Combine(output, assemblyName + ".dll"));
    }

    private static bool IsUnderBuildOutput(string file) =>
        file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContactCenter.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ContactCenter.sln above {AppContext.BaseDirectory}.");
    }

    private static string Metadata(string key) =>
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is empty.");
}
