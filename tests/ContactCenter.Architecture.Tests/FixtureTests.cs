using ContactCenter.Architecture.Tests.Discovery;
using ContactCenter.Architecture.Tests.Rules;

namespace ContactCenter.Architecture.Tests;

/// <summary>
/// Each rule fires on a fixture built to break it (tests/ArchitectureFixtures), and only about the broken part:
/// the well-behaved references of the same fixture must pass, so a rule that flags everything fails here too.
/// </summary>
public sealed class FixtureTests
{
    private const string Widgets = "ContactCenter.Fixtures.Widgets";
    private const string WidgetsContracts = "ContactCenter.Fixtures.Widgets.Contracts";
    private const string BadModule = "ContactCenter.Fixtures.BadModule";
    private const string BadContracts = "ContactCenter.Fixtures.Bad.Contracts";
    private const string BadPlugin = "ContactCenter.Plugins.FixtureBad";
    private const string BadHost = "ContactCenter.Fixtures.BadHost";
    private const string BadSdk = "ContactCenter.Fixtures.BadSdk";

    [Fact]
    public void KernelRuleFlagsAKernelThatKnowsAModule() =>
        Violations.AssertExactly(ReferenceRules.Kernel(Widgets, References(Widgets)), "ContactCenter.Kernel", WidgetsContracts);

    [Fact]
    public void ModuleRuleFlagsOnlyTheReferenceToAnotherModulesImplementation()
    {
        Violations.AssertNone(ReferenceRules.Module(Widgets, References(Widgets)));
        Violations.AssertExactly(ReferenceRules.Module(BadModule, References(BadModule)), $"references {Widgets};");
    }

    [Fact]
    public void ContractsRuleFlagsEfCoreAndAModuleImplementation()
    {
        Violations.AssertNone(ReferenceRules.Contracts(WidgetsContracts, References(WidgetsContracts)));
        Violations.AssertExactly(
            ReferenceRules.Contracts(BadContracts, References(BadContracts)),
            "references Microsoft.EntityFrameworkCore;",
            $"references {Widgets};");
    }

    [Fact]
    public void PluginRuleFlagsAPluginReferencingTheKernel() =>
        Violations.AssertExactly(ReferenceRules.Plugin(BadPlugin, References(BadPlugin)), "references ContactCenter.Kernel;");

    [Fact]
    public void PluginFolderRuleFlagsACopiedContactCenterAssembly()
    {
        var folder = Repo.Fixture(BadPlugin).OutputDirectory;
        var files = Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().ToList();
        Violations.AssertExactly(PluginFolderRule.Check(BadPlugin, folder, files), "ContactCenter.Kernel.dll");
    }

    [Fact]
    public void PluginFolderRuleFlagsAPrivateCopyOfTheSdk()
    {
        // No SDK project exists to build a real copy from in every branch, so this case uses a listing.
        string[] files = [BadPlugin + ".dll", "ContactCenter.Channels.Sdk.dll", "Polly.Core.dll", "plugin.json"];
        Violations.AssertExactly(PluginFolderRule.Check(BadPlugin, "plugins/bad", files), "Private=\"false\"");
    }

    [Fact]
    public void HostRuleFlagsAPluginAssemblyReferenceAndItsProjectReference()
    {
        var host = Repo.Fixture(BadHost);
        Violations.AssertExactly(ReferenceRules.Host(BadHost, References(BadHost)), $"the plugin {BadPlugin};");
        Violations.AssertExactly(HostProjectRule.Check(BadHost, File.ReadAllText(host.ProjectFile)), $"{BadPlugin}.csproj");
    }

    [Fact]
    public void HostProjectRuleAcceptsBuildOrderOnlyReferences()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <ItemGroup>
                <ProjectReference Include="..\..\plugins\A\ContactCenter.Plugins.A.csproj" ReferenceOutputAssembly="false" />
                <ProjectReference Include="../../plugins/B/ContactCenter.Plugins.B.csproj"><ReferenceOutputAssembly>False</ReferenceOutputAssembly></ProjectReference>
                <ProjectReference Include="../../plugins/C/ContactCenter.Plugins.C.csproj" ReferenceOutputAssembly="true" />
                <ProjectReference Include="../../modules/ContactCenter.Kernel/ContactCenter.Kernel.csproj" />
              </ItemGroup>
            </Project>
            """;
        Violations.AssertExactly(HostProjectRule.Check("Host", project), "ContactCenter.Plugins.C.csproj");
    }

    [Fact]
    public void SdkRuleFlagsOnlyTheAspNetCoreReference()
    {
        var references = References(BadSdk);
        Assert.Contains("Microsoft.Extensions.Logging.Abstractions", references);
        Assert.Contains("System.Text.Json", references);
        Violations.AssertExactly(ReferenceRules.Sdk(BadSdk, references, Bcl.Names), "Microsoft.AspNetCore.Http.Abstractions");
    }

    [Fact]
    public void PublicSurfaceRuleFlagsOnlyTheLeakedHelper()
    {
        Violations.AssertNone(PublicSurfaceRule.Check(Widgets, AssemblyInspector.PublicTypes(Repo.Fixture(Widgets).AssemblyPath)));
        Violations.AssertExactly(
            PublicSurfaceRule.Check(BadModule, AssemblyInspector.PublicTypes(Repo.Fixture(BadModule).AssemblyPath)),
            "ContactCenter.Fixtures.BadModule.LeakedHelper");
    }

    [Fact]
    public void ProviderRuleFlagsTheProviderPackagesAndTheCompiledReference()
    {
        Violations.AssertNone(ProviderPackageRule.Check(Widgets, Packages(Widgets), References(Widgets)));
        Violations.AssertExactly(
            ProviderPackageRule.Check(BadModule, Packages(BadModule), References(BadModule)),
            "package Npgsql;",
            "package Npgsql.EntityFrameworkCore.PostgreSQL;",
            "assembly Npgsql;");
    }

    [Fact]
    public void ProviderRuleKnowsTheProvidersButNotEfCoreItself()
    {
        Assert.All(["Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.Data.Sqlite.Core", "Microsoft.EntityFrameworkCore.SqlServer", "Microsoft.Data.SqlClient", "SQLitePCLRaw.core"],
            p => Assert.True(ProviderPackageRule.IsProvider(p), p));
        Assert.All(["Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Relational", "NpgsqlFake", "Microsoft.Data.SqliteTools"],
            p => Assert.False(ProviderPackageRule.IsProvider(p), p));
    }

    [Fact]
    public void TableRuleFlagsAnotherModulesTableAndAnUnprefixedOne()
    {
        Violations.AssertNone(ModuleTablesRule.Check(Widgets, AssemblyInspector.ModuleModels(Repo.Fixture(Widgets).AssemblyPath)));
        Violations.AssertExactly(
            ModuleTablesRule.Check(BadModule, AssemblyInspector.ModuleModels(Repo.Fixture(BadModule).AssemblyPath)),
            "to table Widgets_Widgets;",
            "to table Gadgets;");
    }

    [Fact]
    public void TableRuleFlagsAModuleWithoutAModuleClassAndABarePrefix()
    {
        Violations.AssertExactly(ModuleTablesRule.Check("Empty", []), "declares no IContactCenterModule");
        var bare = new ModuleModel("M", "Bad", [new MappedEntity("E", "Bad_"), new MappedEntity("F", null), new MappedEntity("G", "Bad_Gs")]);
        Violations.AssertExactly(ModuleTablesRule.Check("M", [bare]), "to table Bad_;", "to table (none);");
    }

    [Fact]
    public void SizeRuleFlagsOnlyTheModuleClassThatDoesEverythingItself()
    {
        Violations.AssertNone(ModuleClassSizeRule.Check(Widgets, Sources(Widgets)));
        Violations.AssertExactly(ModuleClassSizeRule.Check(BadModule, Sources(BadModule)), "BadModule.cs has");
        Violations.AssertExactly(ModuleClassSizeRule.Check("M", [new ModuleClassSource("M.Elsewhere", null, 0)]), "no file Elsewhere.cs");
    }

    [Fact]
    public void HostUiRuleFlagsAComponentReferencedByTypeAndByName()
    {
        var widgets = AssemblyInspector.PublicTypes(Repo.Fixture(Widgets).AssemblyPath);
        var host = Repo.Fixture(BadHost).AssemblyPath;
        var clean = Repo.Fixture(BadModule).AssemblyPath;

        Violations.AssertNone(HostNamesNoModuleUiRule.Check(BadModule, AssemblyInspector.TypeReferences(clean), AssemblyInspector.StringLiterals(clean), widgets));
        Violations.AssertExactly(
            HostNamesNoModuleUiRule.Check(BadHost, AssemblyInspector.TypeReferences(host), AssemblyInspector.StringLiterals(host), widgets),
            "ContactCenter.Fixtures.Widgets.WidgetList (type reference)",
            "ContactCenter.Fixtures.Widgets.WidgetMenu (in a string)");
    }

    [Fact]
    public void EntityRuleFlagsEntitiesOutsideTheModulesDomainNamespace()
    {
        Violations.AssertNone(EntityPlacementRule.Check(Widgets, AssemblyInspector.ModuleModels(Repo.Fixture(Widgets).AssemblyPath)));
        Violations.AssertExactly(
            EntityPlacementRule.Check(BadModule, AssemblyInspector.ModuleModels(Repo.Fixture(BadModule).AssemblyPath)),
            "entity ContactCenter.Fixtures.BadModule.Gadget",
            "entity ContactCenter.Fixtures.Widgets.Domain.Widget");
    }

    [Fact]
    public void PhaseRuleFlagsOnlyTheHandlerWithoutAPhase()
    {
        Assert.NotEmpty(AssemblyInspector.EventHandlers(Repo.Fixture(Widgets).AssemblyPath));
        Violations.AssertNone(EventHandlerPhaseRule.Check(Widgets, AssemblyInspector.EventHandlers(Repo.Fixture(Widgets).AssemblyPath)));
        Violations.AssertExactly(
            EventHandlerPhaseRule.Check(BadModule, AssemblyInspector.EventHandlers(Repo.Fixture(BadModule).AssemblyPath)),
            "ContactCenter.Fixtures.BadModule.UnphasedHandler");
    }

    [Fact]
    public void CycleRuleFlagsContractsThatReferenceEachOther()
    {
        var acyclic = new Dictionary<string, IReadOnlyList<string>>
        {
            [WidgetsContracts] = References(WidgetsContracts),
            ["A.Contracts"] = ["B.Contracts", WidgetsContracts, "System.Runtime"],
            ["B.Contracts"] = [WidgetsContracts],
        };
        Violations.AssertNone(ContractsCycleRule.Check(acyclic));

        var cyclic = new Dictionary<string, IReadOnlyList<string>>(acyclic) { ["B.Contracts"] = ["C.Contracts"], ["C.Contracts"] = ["A.Contracts"] };
        Violations.AssertExactly(ContractsCycleRule.Check(cyclic), "A.Contracts -> B.Contracts -> C.Contracts -> A.Contracts");
    }

    private static IReadOnlyList<string> References(string fixture) =>
        AssemblyInspector.ReferenceNames(Repo.Fixture(fixture).AssemblyPath);

    private static IReadOnlyList<ModuleClassSource> Sources(string fixture) =>
        AssemblyInspector.ModuleClassSources(Repo.Fixture(fixture).AssemblyPath, Repo.Fixture(fixture).ProjectFile);

    private static IReadOnlyList<string> Packages(string fixture) =>
        AssemblyInspector.PackageNames(Repo.Fixture(fixture).ProjectFile);
}
