using ContactCenter.Kernel.Modules;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Kernel.Data;

/// <summary>
/// The one context every module shares, so that one inbound message, its routing and its events commit
/// in one transaction. It knows no entity itself: each module adds its own (internal) configurations, and
/// reaches its rows through <c>Set&lt;TEntity&gt;()</c>.
/// </summary>
public sealed class ContactCenterDbContext(
    DbContextOptions<ContactCenterDbContext> options,
    IEnumerable<IContactCenterModule> modules) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new DataProtectionKeyConfiguration());
        foreach (var module in modules.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            module.ConfigureModel(modelBuilder);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored as UTC DateTime: both SQLite (sortable ISO text) and PostgreSQL (timestamptz)
        // compare and order them in SQL, which DateTimeOffset on SQLite cannot do.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }
}
