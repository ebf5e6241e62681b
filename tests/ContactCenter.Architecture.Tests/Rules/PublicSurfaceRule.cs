namespace ContactCenter.Architecture.Tests.Rules;

/// <summary>
/// Rule f: a module's implementation is internal. Public are only its module class (what the host lists in
/// Modules.cs), Razor components (the router needs them public) and what the compiler generates.
/// </summary>
internal static class PublicSurfaceRule
{
    public static IReadOnlyList<string> Check(string module, IEnumerable<PublicType> publicTypes) =>
    [
        .. publicTypes
            .Where(t => !t.IsModuleClass && !t.IsComponent && !t.IsCompilerGenerated)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => $"{module} exposes public type {t.FullName}; make it internal, or move it to the module's .Contracts if other modules need it."),
    ];
}
