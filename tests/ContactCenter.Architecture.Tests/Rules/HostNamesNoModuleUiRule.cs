namespace ContactCenter.Architecture.Tests.Rules;

/// <summary>
/// The host learns a module's pages, menu entries and widgets from the module contract (UiAssembly, NavItems,
/// Widgets): its compiled code references no type of a module other than the module class (Modules.cs lists those),
/// neither as a type reference nor as a type name in a string (a lookup by name is the same coupling, unchecked).
/// </summary>
internal static class HostNamesNoModuleUiRule
{
    public static IReadOnlyList<string> Check(
        string host, IReadOnlyCollection<string> typeReferences, IReadOnlyCollection<string> strings, IEnumerable<PublicType> moduleTypes)
    {
        var referenced = typeReferences.ToHashSet(StringComparer.Ordinal);
        return
        [
            .. moduleTypes
                .Where(t => !t.IsModuleClass && !t.IsCompilerGenerated)
                .SelectMany(t => Uses(t.FullName, referenced, strings))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .Select(use => $"{host} names the module type {use}; the host learns a module's UI from IContactCenterModule (UiAssembly, NavItems, Widgets)."),
        ];
    }

    private static IEnumerable<string> Uses(string fullName, HashSet<string> referenced, IReadOnlyCollection<string> strings)
    {
        if (referenced.Contains(fullName))
        {
            yield return $"{fullName} (type reference)";
        }

        if (strings.Any(s => s.Contains(fullName, StringComparison.Ordinal)))
        {
            yield return $"{fullName} (in a string)";
        }
    }
}
