using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
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

    private static readonly ConcurrentDictionary<string, Assembly> Loaded = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> ReferenceNames(string assemblyPath) =>
        [.. Load(assemblyPath).GetReferencedAssemblies().Select(a => a.Name!).Order(StringComparer.Ordinal)];

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
