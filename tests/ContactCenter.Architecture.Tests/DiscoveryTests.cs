using System.Text.RegularExpressions;
using ContactCenter.Architecture.Tests.Discovery;

namespace ContactCenter.Architecture.Tests;

/// <summary>
/// Guards the rules against passing on nothing: the inputs must be found, classified and built. Rules over
/// kinds that may not exist yet (plugins, module implementations) are skipped, visibly, when empty.
/// </summary>
public sealed partial class DiscoveryTests
{
    public static TheoryData<string> AllProjects => [.. Repo.Projects.Select(p => p.AssemblyName)];

    [Fact]
    public void TheHostTheKernelAndTheIdentityContractsAreFound()
    {
        Assert.Equal("ContactCenter.Host", Repo.Single(ProjectKind.Host).AssemblyName);
        Assert.Equal("ContactCenter.Kernel", Repo.Single(ProjectKind.Kernel).AssemblyName);
        Assert.Contains(Repo.OfKind(ProjectKind.Contracts), p => p.AssemblyName == "ContactCenter.Identity.Contracts");
    }

    // The host composes the product (Modules.cs): every ContactCenter assembly it is built from, bar the
    // database projects of db/ (the migrations and the providers' ISqlDialect, which only the host may
    // reference: rule a and the provider rule keep modules off them), must be one the rules inspect, so a
    // module cannot escape them by living elsewhere.
    [Fact]
    public void EveryContactCenterAssemblyTheHostUsesIsInspected()
    {
        var host = Repo.Single(ProjectKind.Host);
        var used = AssemblyInspector.ReferenceNames(host.AssemblyPath)
            .Where(r => r.StartsWith("ContactCenter.", StringComparison.Ordinal)
                && r != "ContactCenter.Db" && !r.StartsWith("ContactCenter.Db.", StringComparison.Ordinal))
            .ToList();

        Assert.Contains("ContactCenter.Kernel", used);
        Assert.All(used, r => Assert.Contains(Repo.Projects, p => p.AssemblyName == r));
    }

    [Fact]
    public void EveryProjectUnderModulesAndPluginsHasAKnownKind()
    {
        var unknown = Repo.OfKind(ProjectKind.Unclassified).Select(p => Path.GetRelativePath(Repo.Root, p.ProjectFile));
        Assert.Empty(unknown);
    }

    [Fact]
    public void EverySolutionProjectUnderModulesPluginsAndHostIsInspected()
    {
        var inspected = Repo.Projects.Select(p => p.ProjectFile).ToHashSet(StringComparer.Ordinal);
        var inSolution = SolutionProjects()
            .Where(p => p.StartsWith(Path.Combine(Repo.Root, "modules"), StringComparison.Ordinal)
                || p.StartsWith(Path.Combine(Repo.Root, "plugins"), StringComparison.Ordinal)
                || p.StartsWith(Path.Combine(Repo.Root, "host"), StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(inSolution);
        Assert.All(inSolution, p => Assert.Contains(p, inspected));
    }

    // A project outside the solution is still built (the test project references it), but in its default
    // configuration: under `-c Release` its dll would be missing from bin/Release and the rules could not see it.
    [Fact]
    public void EveryInspectedProjectAndFixtureIsInTheSolution()
    {
        var inSolution = SolutionProjects().ToHashSet(StringComparer.Ordinal);
        var fixtures = Directory.GetFiles(Path.Combine(Repo.Root, "tests", "ArchitectureFixtures"), "*.csproj", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        Assert.All(Repo.Projects.Select(p => p.ProjectFile).Concat(fixtures), p => Assert.Contains(p, inSolution));
    }

    [Theory]
    [MemberData(nameof(AllProjects))]
    public void EveryInspectedProjectWasBuiltWhereTheTestsLook(string assemblyName)
    {
        var project = Repo.Named(assemblyName);
        Assert.True(File.Exists(project.AssemblyPath), $"{project.AssemblyPath} is missing: does {project.ProjectFile} override its output path?");
    }

    private static IEnumerable<string> SolutionProjects() =>
        SolutionProject().Matches(File.ReadAllText(Path.Combine(Repo.Root, "ContactCenter.sln")))
            .Select(m => Path.GetFullPath(Path.Combine(Repo.Root, m.Groups["path"].Value.Replace('\\', Path.DirectorySeparatorChar))));

    [GeneratedRegex("""^Project\("\{[^}]+\}"\) = "[^"]+", "(?<path>[^"]+\.csproj)",""", RegexOptions.Multiline)]
    private static partial Regex SolutionProject();
}
