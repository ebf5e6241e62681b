// Will own helpdesk tickets created from (and linked to) conversation messages. Only the placeholder page exists.
using Autofac;
using ContactCenter.Kernel.Modules;
using ContactCenter.Tickets.Ui;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tickets;

/// <summary>A shell with no tables and no endpoints yet: its menu entry opens a page that says tickets are coming.</summary>
public sealed class TicketsModule : Module, IContactCenterModule
{
    public const string ModuleName = "Tickets";

    public string Name => ModuleName;

    public System.Reflection.Assembly? UiAssembly => typeof(TicketsModule).Assembly;

    public IReadOnlyList<NavItem> NavItems => TicketsMenu.Items;

    public void ConfigureModel(ModelBuilder modelBuilder)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
    }
}
