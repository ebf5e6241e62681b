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

    [Fact]
    public void EveryProjectUnderModulesAndPluginsHasAKnownKind()
    {
        var unknown = Repo.OfKind(ProjectKind.Unclassified).Select(p => Path.GetRelativePath(Repo.Root, p.ProjectFile));
        Assert.Empty(unknown);
    }

    [Fact]
    public void EverySolutionProjectUnderModulesPluginsAndHostIsInspected()
    {
        var inspected = Repo.Projects.Select(p => Path.GetFullPath(p.ProjectFile)).ToHashSet(StringComparer.Ordinal);
        var inSolution = SolutionProject().Matches(File.ReadAllText(Path.Combine(Repo.Root, "ContactCenter.sln")))
            .Select(m => m.Groups["path"].Value.Replace('\\', '/'))
            .Where(p => p.StartsWith("modules/", StringComparison.Ordinal) || p.StartsWith("plugins/", StringComparison.Ordinal)
                || p.StartsWith("host/", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(inSolution);
        Assert.All(inSolution, p => Assert.Contains(Path.GetFullPath(Path.Combine(Repo.Root, p)), inspected));
    }

    [Theory]
    [MemberData(nameof(AllProjects))]
    public void EveryInspectedProjectWasBuiltWhereTheTestsLook(string assemblyName)
    {
        var project = Repo.Named(assemblyName);
        Assert.True(File.Exists(project.AssemblyPath), $"{project.AssemblyPath} is missing: does {project.ProjectFile} override its output path?");
    }

    [GeneratedRegex("""^Project\("\{[^}]+\}"\) = "[^"]+", "(?<path>[^"]+\.csproj)",""", RegexOptions.Multiline)]
    private static partial Regex SolutionProject();
}
