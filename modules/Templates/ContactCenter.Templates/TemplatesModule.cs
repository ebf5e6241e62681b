// Will own message templates per channel account: variables, submission for approval through the channel plugin, status changes and billable sends. Nothing is implemented yet.
using Autofac;
using ContactCenter.Kernel.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Templates;

/// <summary>An empty shell: registered so the module list is complete; it has no tables and no endpoints yet.</summary>
public sealed class TemplatesModule : Module, IContactCenterModule
{
    public const string ModuleName = "Templates";

    public string Name => ModuleName;

    public void ConfigureModel(ModelBuilder modelBuilder)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
    }
}
