namespace ContactCenter.Architecture.Tests.Rules;

/// <summary>
/// Entities live in one predictable place per module: every entity type a module's <c>ConfigureModel</c> adds is
/// declared in the namespace <c>{ModuleAssembly}.Domain</c> (the module's <c>Domain/</c> folder); mappings stay in
/// <c>Data/</c>, use cases in their feature folders.
/// </summary>
internal static class EntityPlacementRule
{
    public static IReadOnlyList<string> Check(string assembly, IReadOnlyList<ModuleModel> modules) =>
    [
        .. modules.SelectMany(m => m.Entities)
            .Where(e => Namespace(e.EntityType) != assembly + ".Domain")
            .Select(e => $"{assembly} configures the entity {e.EntityType} outside {assembly}.Domain; move it to the module's Domain/ folder and namespace."),
    ];

    private static string Namespace(string clrName)
    {
        var outer = clrName.Split('+')[0];
        var dot = outer.LastIndexOf('.');
        return dot < 0 ? string.Empty : outer[..dot];
    }
}
