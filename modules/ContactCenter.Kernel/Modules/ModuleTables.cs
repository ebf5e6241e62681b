using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Kernel.Modules;

public static class ModuleTables
{
    /// <summary>Maps an entity to <c>{module}_{table}</c>, the naming rule the architecture tests check.</summary>
    public static EntityTypeBuilder<T> ToModuleTable<T>(this EntityTypeBuilder<T> builder, string module, string table)
        where T : class => builder.ToTable($"{module}_{table}");
}
