using ContactCenter.Fixtures.Widgets;
using ContactCenter.Fixtures.Widgets.Contracts;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Fixtures.BadModule;

public sealed class BadModule : IContactCenterModule
{
    public string Name => "Bad";

    /// <summary>Breaks the table rule twice: configures another module's table and an unprefixed one of its own.</summary>
    public void ConfigureModel(ModelBuilder modelBuilder)
    {
        new WidgetsModule().ConfigureModel(modelBuilder);
        modelBuilder.Entity<Gadget>().ToTable("Gadgets");
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
    }
}

/// <summary>Breaks rule f: a public type that is neither the module class nor a component.</summary>
public sealed class LeakedHelper
{
    public WidgetSummary? Last { get; set; }
}

internal sealed class Gadget
{
    public Guid Id { get; set; }
}

/// <summary>Breaks the provider rule: provider-specific code in a module.</summary>
internal static class PostgresOnly
{
    public static string Driver => typeof(Npgsql.NpgsqlConnection).FullName!;
}

internal sealed record GadgetMoved(Guid GadgetId) : IDomainEvent;

/// <summary>Breaks the phase rule: a handler that does not say when it runs among the event's handlers.</summary>
internal sealed class UnphasedHandler : IEventHandler<GadgetMoved>
{
    public Task HandleAsync(GadgetMoved domainEvent, CancellationToken cancellationToken) => Task.CompletedTask;
}
