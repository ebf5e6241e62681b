using ContactCenter.Fixtures.Widgets.Contracts;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Modules;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Fixtures.Widgets;

public sealed class WidgetsModule : IContactCenterModule
{
    public string Name => "Widgets";

    public void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Widget>().ToModuleTable(Name, "Widgets");

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
    }
}

/// <summary>Stands in for a compiled .razor page: public so the router can find it.</summary>
[Route("/widgets")]
public sealed class WidgetList : ComponentBase
{
}

/// <summary>Keeps the table rule: mapped to Widgets_Widgets.</summary>
internal sealed class Widget
{
    public Guid Id { get; set; }
}

internal sealed class WidgetsApi : IWidgetsApi
{
    public Task<WidgetSummary?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult<WidgetSummary?>(null);
}

internal sealed record WidgetAdded(Guid WidgetId) : IDomainEvent;

/// <summary>Keeps the phase rule: the handler says when it runs.</summary>
[RunsIn(EventPhase.Record)]
internal sealed class CountWidgets : IEventHandler<WidgetAdded>
{
    public Task HandleAsync(WidgetAdded domainEvent, CancellationToken cancellationToken) => Task.CompletedTask;
}
