// Will own helpdesk tickets created from (and linked to) conversation messages. Nothing is implemented yet.
using Autofac;
using ContactCenter.Kernel.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tickets;

/// <summary>An empty shell: registered so the module list is complete; it has no tables and no endpoints yet.</summary>
public sealed class TicketsModule : Module, IContactCenterModule
{
    public const string ModuleName = "Tickets";

    public string Name => ModuleName;

    public void ConfigureModel(ModelBuilder modelBuilder)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
    }
}
