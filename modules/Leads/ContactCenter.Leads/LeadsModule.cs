// Will own contacts and leads: public lead forms per product, new vs returning by e-mail, arrivals on the timeline and unanswered-lead tasks. Nothing is implemented yet.
using Autofac;
using ContactCenter.Kernel.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Leads;

/// <summary>An empty shell: registered so the module list is complete; it has no tables and no endpoints yet.</summary>
public sealed class LeadsModule : Module, IContactCenterModule
{
    public const string ModuleName = "Leads";

    public string Name => ModuleName;

    public void ConfigureModel(ModelBuilder modelBuilder)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
    }
}
