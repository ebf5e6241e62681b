using ContactCenter.Architecture.Tests.Discovery;
using ContactCenter.Architecture.Tests.Rules;

namespace ContactCenter.Architecture.Tests;

/// <summary>
/// The boundaries of ARCHITECTURE.md on the real assemblies, one theory per rule over whatever the repository
/// holds. Kinds that always exist (Kernel, contracts, host) have no skip: with no input they fail.
/// </summary>
public sealed class BoundaryTests
{
    public static TheoryData<string> Modules => Of(ProjectKind.Module);

    public static TheoryData<string> Contracts => Of(ProjectKind.Contracts);

    public static TheoryData<string> Plugins => Of(ProjectKind.Plugin);

    public static TheoryData<string> Sdk => Of(ProjectKind.Sdk);

    /// <summary>Every project under modules/: the Kernel, the contracts and the module implementations.</summary>
    public static TheoryData<string> UnderModules => [.. Repo.Projects
        .Where(p => p.Kind is ProjectKind.Kernel or ProjectKind.Contracts or ProjectKind.Module)
        .Select(p => p.AssemblyName)];

    /// <summary>plugins/&lt;id&gt;/ folders the host's build output may hold (what it loads when run from bin/).</summary>
    public static TheoryData<string> HostPluginFolders
    {
        get
        {
            var plugins = Path.Combine(Repo.Single(ProjectKind.Host).OutputDirectory, "plugins");
            return Directory.Exists(plugins) ? [.. Directory.GetDirectories(plugins).Order(StringComparer.Ordinal)] : [];
        }
    }

    [Fact]
    public void KernelReferencesNoOtherContactCenterAssembly()
    {
        var kernel = Repo.Single(ProjectKind.Kernel);
        Violations.AssertNone(ReferenceRules.Kernel(kernel.AssemblyName, AssemblyInspector.ReferenceNames(kernel.AssemblyPath)));
    }

    [Theory(SkipTestWithoutData = true)]
    [MemberData(nameof(Modules))]
    public void ModuleReferencesOnlyKernelAndContracts(string module) =>
        Violations.AssertNone(ReferenceRules.Module(module, References(module)));

    [Theory]
    [MemberData(nameof(Contracts))]
    public void ContractsReferenceOnlyKernelAndContractsAndNoEfCore(string contracts) =>
        Violations.AssertNone(ReferenceRules.Contracts(contracts, References(contracts)));

    [Theory(SkipTestWithoutData = true)]
    [MemberData(nameof(Plugins))]
    public void PluginReferencesOnlyTheSdk(string plugin) =>
        Violations.AssertNone(ReferenceRules.Plugin(plugin, References(plugin)));

    [Theory(SkipTestWithoutData = true)]
    [MemberData(nameof(Plugins))]
    public void PluginBuildFolderHoldsNoSharedAssembly(string plugin)
    {
        var folder = Repo.Named(plugin).OutputDirectory;
        Violations.AssertNone(PluginFolderRule.Check(plugin, folder, FileNames(folder)));
    }

    [Theory(SkipTestWithoutData = true)]
    [MemberData(nameof(HostPluginFolders))]
    public void HostPluginFolderHoldsNoSharedAssembly(string folder)
    {
        var files = FileNames(folder);
        var plugin = files.Where(f => f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && Names.IsPlugin(f)).Select(Path.GetFileNameWithoutExtension).FirstOrDefault() ?? folder;
        Violations.AssertNone(PluginFolderRule.Check(plugin!, folder, files));
    }

    [Fact]
    public void HostReferencesNoPluginAssemblyAndBuildsPluginsOnlyAsBuildOrder()
    {
        var host = Repo.Single(ProjectKind.Host);
        Violations.AssertNone(
        [
            .. ReferenceRules.Host(host.AssemblyName, AssemblyInspector.ReferenceNames(host.AssemblyPath)),
            .. HostProjectRule.Check(host.AssemblyName, File.ReadAllText(host.ProjectFile)),
        ]);
    }

    [Theory(SkipTestWithoutData = true)]
    [MemberData(nameof(Sdk))]
    public void SdkReferencesOnlyTheBclAndLogging(string sdk) =>
        Violations.AssertNone(ReferenceRules.Sdk(sdk, References(sdk), Bcl.Names));

    [Theory(SkipTestWithoutData = true)]
    [MemberData(nameof(Modules))]
    public void ModuleExposesOnlyItsModuleClassAndComponents(string module) =>
        Violations.AssertNone(PublicSurfaceRule.Check(module, AssemblyInspector.PublicTypes(Repo.Named(module).AssemblyPath)));

    [Theory]
    [MemberData(nameof(UnderModules))]
    public void NothingUnderModulesDependsOnADatabaseProvider(string project) =>
        Violations.AssertNone(ProviderPackageRule.Check(
            project, AssemblyInspector.PackageNames(Repo.Named(project).ProjectFile), References(project)));

    [Theory(SkipTestWithoutData = true)]
    [MemberData(nameof(Modules))]
    public void EveryTableOfAModuleCarriesItsPrefix(string module) =>
        Violations.AssertNone(ModuleTablesRule.Check(module, AssemblyInspector.ModuleModels(Repo.Named(module).AssemblyPath)));

    [Theory(SkipTestWithoutData = true)]
    [MemberData(nameof(Modules))]
    public void EveryModuleClassIsAShortTableOfContents(string module) =>
        Violations.AssertNone(ModuleClassSizeRule.Check(
            module, AssemblyInspector.ModuleClassSources(Repo.Named(module).AssemblyPath, Repo.Named(module).ProjectFile)));

    [Theory(SkipTestWithoutData = true)]
    [MemberData(nameof(Modules))]
    public void EveryEntityOfAModuleLivesInItsDomainNamespace(string module) =>
        Violations.AssertNone(EntityPlacementRule.Check(module, AssemblyInspector.ModuleModels(Repo.Named(module).AssemblyPath)));

    [Fact]
    public void HostNamesNoModulePageMenuOrWidget()
    {
        var host = Repo.Single(ProjectKind.Host);
        var moduleTypes = Repo.OfKind(ProjectKind.Module).SelectMany(m => AssemblyInspector.PublicTypes(m.AssemblyPath)).ToList();
        Assert.Contains(moduleTypes, t => t.IsComponent);
        Violations.AssertNone(HostNamesNoModuleUiRule.Check(
            host.AssemblyName, AssemblyInspector.TypeReferences(host.AssemblyPath), AssemblyInspector.StringLiterals(host.AssemblyPath), moduleTypes));
    }

    [Theory(SkipTestWithoutData = true)]
    [MemberData(nameof(Modules))]
    public void EveryEventHandlerDeclaresItsPhase(string module) =>
        Violations.AssertNone(EventHandlerPhaseRule.Check(module, AssemblyInspector.EventHandlers(Repo.Named(module).AssemblyPath)));

    [Fact]
    public void ContractsHaveNoReferenceCycles()
    {
        var graph = Repo.OfKind(ProjectKind.Contracts)
            .ToDictionary(c => c.AssemblyName, c => AssemblyInspector.ReferenceNames(c.AssemblyPath), StringComparer.Ordinal);
        Assert.NotEmpty(graph);
        Violations.AssertNone(ContractsCycleRule.Check(graph));
    }

    private static TheoryData<string> Of(ProjectKind kind) => [.. Repo.OfKind(kind).Select(p => p.AssemblyName)];

    private static IReadOnlyList<string> References(string assemblyName) =>
        AssemblyInspector.ReferenceNames(Repo.Named(assemblyName).AssemblyPath);

    private static string[] FileNames(string folder) => [.. Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>()];
}
