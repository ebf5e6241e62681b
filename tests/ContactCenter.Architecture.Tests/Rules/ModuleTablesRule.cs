namespace ContactCenter.Architecture.Tests.Rules;

/// <summary>One entity type of a module's EF model and the table it is mapped to.</summary>
internal sealed record MappedEntity(string EntityType, string? Table);

/// <summary>What a module class builds: its name and the entities its <c>ConfigureModel</c> adds.</summary>
internal sealed record ModuleModel(string ModuleClass, string ModuleName, IReadOnlyList<MappedEntity> Entities);

/// <summary>
/// Each module owns its tables, named <c>{Module}_{Table}</c> (ModuleTables.ToModuleTable): every entity a module's
/// <c>ConfigureModel</c> adds is mapped to a table with the module's own prefix, so no module creates an unprefixed
/// table or one in another module's name. Checked on the model each module class builds on its own.
/// </summary>
internal static class ModuleTablesRule
{
    public static IReadOnlyList<string> Check(string assembly, IReadOnlyList<ModuleModel> modules)
    {
        if (modules.Count == 0)
        {
            return [$"{assembly} declares no IContactCenterModule class; the host cannot compose a module without one."];
        }

        return
        [
            .. modules.SelectMany(m => m.Entities
                .Where(e => e.Table is null || !e.Table.StartsWith(m.ModuleName + "_", StringComparison.Ordinal) || e.Table.Length == m.ModuleName.Length + 1)
                .Select(e => $"{m.ModuleClass} (module {m.ModuleName}) maps {e.EntityType} to table {e.Table ?? "(none)"}; a module's tables are named {m.ModuleName}_<Table> (ToModuleTable).")),
        ];
    }
}
