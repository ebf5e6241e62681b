using ContactCenter.Fixtures.Widgets;
using ContactCenter.Fixtures.Widgets.Contracts;
using ContactCenter.Kernel.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Fixtures.BadModule;

public sealed class BadModule : IContactCenterModule
{
    public string Name => "Bad";

    public void ConfigureModel(ModelBuilder modelBuilder) => new WidgetsModule().ConfigureModel(modelBuilder);

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
    }
}

/// <summary>Breaks rule f: a public type that is neither the module class nor a component.</summary>
public sealed class LeakedHelper
{
    public WidgetSummary? Last { get; set; }
}
