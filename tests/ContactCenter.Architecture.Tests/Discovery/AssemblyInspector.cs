using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Text.Json;
using ContactCenter.Architecture.Tests.Rules;

namespace ContactCenter.Architecture.Tests.Discovery;

/// <summary>
/// Reads what the rules need from a compiled assembly. Each inspected file gets its own load context, so two
/// assemblies with the same name (a fixture's copy of the Kernel, the real one) never clash.
/// </summary>
internal static class AssemblyInspector
{
    private const string ModuleInterface = "ContactCenter.Kernel.Modules.IContactCenterModule";
    private const string ComponentBase = "Microsoft.AspNetCore.Components.ComponentBase";
    private const string EventHandlerInterface = "ContactCenter.Kernel.Events.IEventHandler`1";
    private const string PhaseAttribute = "ContactCenter.Kernel.Events.RunsInAttribute";

    private static readonly ConcurrentDictionary<string, Assembly> Loaded = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> ReferenceNames(string assemblyPath) =>
        [.. Load(assemblyPath).GetReferencedAssemblies().Select(a => a.Name!).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The packages restore resolved for a project (obj/project.assets.json): its own and every one that comes
    /// through a project or package reference, whether or not the compiler kept a reference to it.
    /// </summary>
    public static IReadOnlyList<string> PackageNames(string projectFile)
    {
        var assets = Path.Combine(Path.GetDirectoryName(projectFile)!, "obj", "project.assets.json");
        if (!File.Exists(assets))
        {
            throw new FileNotFoundException($"{assets} is missing: restore {projectFile} first.", assets);
        }

        using var json = JsonDocument.Parse(File.ReadAllText(assets));
        return
        [
            .. json.RootElement.GetProperty("libraries").EnumerateObject()
                .Where(l => l.Value.TryGetProperty("type", out var type) && type.GetString() == "package")
                .Select(l => l.Name.Split('/')[0])
                .Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// Runs <c>ConfigureModel</c> of every module class in the assembly on an empty EF Core <c>ModelBuilder</c> (no
    /// conventions: only what the module configures) and reads back each entity type's table. Everything runs by
    /// reflection inside the assembly's own load context, where EF Core comes from the host's build output.
    /// </summary>
    public static IReadOnlyList<ModuleModel> ModuleModels(string assemblyPath)
    {
        var assembly = Load(assemblyPath);
        var context = AssemblyLoadContext.GetLoadContext(assembly)!;
        var efCore = context.LoadFromAssemblyName(new AssemblyName("Microsoft.EntityFrameworkCore"));
        var relational = context.LoadFromAssemblyName(new AssemblyName("Microsoft.EntityFrameworkCore.Relational"));
        var modelBuilderType = efCore.GetType("Microsoft.EntityFrameworkCore.ModelBuilder", throwOnError: true)!;
        var readOnlyModel = efCore.GetType("Microsoft.EntityFrameworkCore.Metadata.IReadOnlyModel", throwOnError: true)!;
        var readOnlyEntityType = efCore.GetType("Microsoft.EntityFrameworkCore.Metadata.IReadOnlyEntityType", throwOnError: true)!;
        var readOnlyTypeBase = efCore.GetType("Microsoft.EntityFrameworkCore.Metadata.IReadOnlyTypeBase", throwOnError: true)!;
        var getTableName = relational.GetType("Microsoft.EntityFrameworkCore.RelationalEntityTypeExtensions", throwOnError: true)!
            .GetMethod("GetTableName", [readOnlyEntityType])!;

        var models = new List<ModuleModel>();
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            var contract = type.GetInterfaces().FirstOrDefault(i => i.FullName == ModuleInterface);
            if (contract is null)
            {
                continue;
            }

            var module = Activator.CreateInstance(type)
                ?? throw new InvalidOperationException($"{type.FullName} could not be created.");
            var name = (string)contract.GetProperty("Name")!.GetValue(module)!;
            var modelBuilder = Activator.CreateInstance(modelBuilderType)!;
            contract.GetMethod("ConfigureModel")!.Invoke(module, [modelBuilder]);

            var model = modelBuilderType.GetProperty("Model")!.GetValue(modelBuilder)!;
            var entities = ((IEnumerable)readOnlyModel.GetMethod("GetEntityTypes")!.Invoke(model, null)!)
                .Cast<object>()
                .Select(e => new MappedEntity(
                    (string)readOnlyTypeBase.GetProperty("Name")!.GetValue(e)!,
                    (string?)getTableName.Invoke(null, [e])))
                .OrderBy(e => e.EntityType, StringComparer.Ordinal)
                .ToList();
            models.Add(new ModuleModel(type.FullName!, name, entities));
        }

        return models;
    }

    /// <summary>Full names (<c>Outer+Inner</c> for nested types) of every type the assembly's code references.</summary>
    public static IReadOnlyList<string> TypeReferences(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(Path.GetFullPath(assemblyPath)));
        var metadata = pe.GetMetadataReader();
        return [.. metadata.TypeReferences.Select(h => TypeReferenceName(metadata, h)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The string literals of the assembly's code (the user-string heap).</summary>
    public static IReadOnlyList<string> StringLiterals(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(Path.GetFullPath(assemblyPath)));
        var metadata = pe.GetMetadataReader();
        var literals = new List<string>();
        for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = metadata.GetNextHandle(handle))
        {
            literals.Add(metadata.GetUserString(handle));
        }

        return literals;
    }

    /// <summary>Each public module class of the assembly and the line count of the file named after it.</summary>
    public static IReadOnlyList<Rules.ModuleClassSource> ModuleClassSources(string assemblyPath, string projectFile)
    {
        var folder = Path.GetDirectoryName(projectFile)!;
        return
        [
            .. PublicTypes(assemblyPath).Where(t => t.IsModuleClass).Select(t =>
            {
                var name = t.FullName.Split('.', '+')[^1] + ".cs";
                var file = Directory.EnumerateFiles(folder, name, SearchOption.AllDirectories)
                    .FirstOrDefault(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
                return new Rules.ModuleClassSource(t.FullName, file is null ? null : Path.GetRelativePath(Repo.Root, file), file is null ? 0 : File.ReadAllLines(file).Length);
            }),
        ];
    }

    private static string TypeReferenceName(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var type = metadata.GetTypeReference(handle);
        var name = metadata.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return TypeReferenceName(metadata, (TypeReferenceHandle)type.ResolutionScope) + "+" + name;
        }

        var ns = metadata.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    public static IReadOnlyList<PublicType> PublicTypes(string assemblyPath)
    {
        Type[] types;
        try
        {
            types = Load(assemblyPath).GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            // Fail loudly: skipping the types that did not load would let a public type escape rule f.
            var reasons = e.LoaderExceptions.Select(x => x?.Message).Distinct();
            throw new InvalidOperationException($"Cannot load every type of {assemblyPath}: {string.Join(" | ", reasons)}", e);
        }

        return
        [
            .. types.Where(t => t.IsVisible).Select(t => new PublicType(
                t.FullName ?? t.Name,
                t.GetInterfaces().Any(i => i.FullName == ModuleInterface),
                DerivesFrom(t, ComponentBase),
                IsGenerated(t))),
        ];
    }

    /// <summary>Every concrete class that handles an event (implements <c>IEventHandler&lt;T&gt;</c>), and whether it declares its phase.</summary>
    public static IReadOnlyList<EventHandlerType> EventHandlers(string assemblyPath) =>
    [
        .. Load(assemblyPath).GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false }
                && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition().FullName == EventHandlerInterface))
            .Select(t => new EventHandlerType(
                t.FullName ?? t.Name,
                t.GetCustomAttributesData().Any(a => a.AttributeType.FullName == PhaseAttribute))),
    ];

    // The Razor compiler turns each _Imports.razor into a public, attribute-less class named _Imports.
    private static bool IsGenerated(Type type) =>
        type.Name.Contains('<', StringComparison.Ordinal)
        || type.Name == "_Imports"
        || type.GetCustomAttributesData().Any(a => a.AttributeType.FullName == typeof(CompilerGeneratedAttribute).FullName);

    private static bool DerivesFrom(Type type, string baseFullName)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.FullName == baseFullName)
            {
                return true;
            }
        }

        return false;
    }

    private static Assembly Load(string assemblyPath)
    {
        var path = Path.GetFullPath(assemblyPath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} was not built; build ContactCenter.sln first.", path);
        }

        return Loaded.GetOrAdd(path, p => new InspectionContext(p).LoadFromAssemblyPath(p));
    }

    /// <summary>
    /// Framework assemblies come from the test process; the rest from the inspected assembly's folder, then
    /// from the host's build output, which holds every package the product uses (libraries do not copy theirs).
    /// </summary>
    private sealed class InspectionContext(string assemblyPath)
        : AssemblyLoadContext("inspect " + Path.GetFileName(assemblyPath))
    {
        private static readonly HashSet<string> Platform = [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator).Select(Path.GetFileNameWithoutExtension).OfType<string>()];

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (assemblyName.Name is null || Platform.Contains(assemblyName.Name))
            {
                return null;
            }

            var folders = new[] { Path.GetDirectoryName(assemblyPath)!, Repo.Single(ProjectKind.Host).OutputDirectory };
            var file = folders.Select(f => Path.Combine(f, assemblyName.Name + ".dll")).FirstOrDefault(File.Exists);
            return file is null ? null : LoadFromAssemblyPath(file);
        }
    }
}
