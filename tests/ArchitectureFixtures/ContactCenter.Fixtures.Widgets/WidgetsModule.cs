using ContactCenter.Fixtures.Widgets.Contracts;
using ContactCenter.Fixtures.Widgets.Domain;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Modules;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Fixtures.Widgets;

public sealed class WidgetsModule : IContactCenterModule
{
    public string Name => "Widgets";

    /// <summary>Keeps the host rule: the host learns the widget from here, never by its type or name.</summary>
    public IReadOnlyList<UiWidget> Widgets => [new(typeof(WidgetMenu), WidgetZones.Header, 10)];

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

/// <summary>Stands in for a compiled header widget.</summary>
public sealed class WidgetMenu : ComponentBase
{
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
