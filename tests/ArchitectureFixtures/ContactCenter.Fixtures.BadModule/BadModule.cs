using ContactCenter.Fixtures.Widgets;
using ContactCenter.Fixtures.Widgets.Contracts;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Modules;
using Microsoft.AspNetCore.Builder;
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

    /// <summary>Breaks the size rule: a module class that maps every endpoint itself instead of its feature folders.</summary>
    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        api.MapGet("/bad/gadgets", () => "all");
        api.MapGet("/bad/gadgets/{id:guid}", (Guid id) => id);
        api.MapPost("/bad/gadgets", () => "created");
        api.MapPut("/bad/gadgets/{id:guid}", (Guid id) => id);
        api.MapDelete("/bad/gadgets/{id:guid}", (Guid id) => id);
        api.MapGet("/bad/gizmos", () => "all");
        api.MapGet("/bad/gizmos/{id:guid}", (Guid id) => id);
        api.MapPost("/bad/gizmos", () => "created");
        api.MapPut("/bad/gizmos/{id:guid}", (Guid id) => id);
        api.MapDelete("/bad/gizmos/{id:guid}", (Guid id) => id);
        api.MapGet("/bad/doodads", () => "all");
        api.MapGet("/bad/doodads/{id:guid}", (Guid id) => id);
        api.MapPost("/bad/doodads", () => "created");
        api.MapPut("/bad/doodads/{id:guid}", (Guid id) => id);
        api.MapDelete("/bad/doodads/{id:guid}", (Guid id) => id);
        api.MapGet("/bad/reports/daily", () => "daily");
        api.MapGet("/bad/reports/weekly", () => "weekly");
        api.MapGet("/bad/reports/monthly", () => "monthly");
    }
}

/// <summary>Breaks rule f: a public type that is neither the module class nor a component.</summary>
public sealed class LeakedHelper
{
    public WidgetSummary? Last { get; set; }
}

/// <summary>Breaks the entity rule: configured by the module, declared outside its Domain namespace.</summary>
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
