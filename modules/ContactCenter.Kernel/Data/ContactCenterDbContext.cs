using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Modules;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Kernel.Data;

/// <summary>
/// The one context every module shares, so that one inbound message, its routing and its events commit
/// in one transaction. It knows no entity itself: each module adds its own (internal) configurations, and
/// reaches its rows through <c>Set&lt;TEntity&gt;()</c>.
/// It is also the unit of work that ends each step: <see cref="SaveChangesAsync(bool, CancellationToken)"/> first
/// dispatches the events the step raised (<see cref="IDomainEventDispatcher"/>), then saves what the step and every
/// handler changed together.
/// </summary>
public sealed class ContactCenterDbContext(
    DbContextOptions<ContactCenterDbContext> options,
    IEnumerable<IContactCenterModule> modules,
    IDomainEventDispatcher? events = null) : DbContext(options)
{
    /// <summary>
    /// Dispatches the step's events, then saves. Before the save, not after it (as eShop's DispatchDomainEventsAsync):
    /// the handlers' writes join the step's own in the same transaction, so an inbox row's effects and its
    /// processed-event key commit together (exactly once), and a handler that throws leaves nothing committed.
    /// A save a handler makes itself only saves: the dispatch already running handles what that handler raised.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (events is not null)
        {
            await events.DispatchAsync(cancellationToken);
        }

        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Handlers are asynchronous: a step that raised events must end with <c>SaveChangesAsync</c>.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) => events is { HasPending: true }
        ? throw new InvalidOperationException("Events are waiting for dispatch: save with SaveChangesAsync.")
        : base.SaveChanges(acceptAllChangesOnSuccess);

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
