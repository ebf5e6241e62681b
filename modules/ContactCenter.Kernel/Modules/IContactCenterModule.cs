using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ContactCenter.Kernel.Modules;

/// <summary>
/// A compiled-in business module. The host lists every module in one place (Modules.cs) and asks each
/// for its model, its endpoints, its scheduled jobs and its UI (pages, menu entries, widgets); registrations come
/// from the module's Autofac <c>Load</c>. <see cref="Name"/> is the table prefix, the OpenAPI tag and the log scope.
/// </summary>
public interface IContactCenterModule
{
    /// <summary>Module name, e.g. <c>Queues</c>; every table it owns is named <c>{Name}_{Table}</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Adds the module's entities to the one composed model. By default every <c>IEntityTypeConfiguration</c> of the
    /// module's assembly (its <c>Data/</c> folder): a new entity needs no line in the module class.
    /// </summary>
    void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.ApplyConfigurationsFromAssembly(GetType().Assembly);

    /// <summary>Maps the module's endpoints under the versioned API group (<c>/api/v1</c>).</summary>
    void MapEndpoints(IEndpointRouteBuilder api);

    /// <summary>
    /// Maps endpoints outside <c>/api/v1</c> that authenticate themselves (e.g. a provider's webhooks, which
    /// carry a signature instead of a login).
    /// </summary>
    void MapPublicEndpoints(IEndpointRouteBuilder app)
    {
    }

    /// <summary>Adds the module's sweeper jobs to Quartz.</summary>
    void ConfigureJobs(IQuartzBuilder quartz)
    {
    }

    /// <summary>The assembly holding the module's routable UI pages, if it has any.</summary>
    System.Reflection.Assembly? UiAssembly => null;

    /// <summary>The module's entries in the side menu; the host renders them, it names no module page.</summary>
    IReadOnlyList<NavItem> NavItems => [];

    /// <summary>Components the module places in the host's layout zones (<see cref="WidgetZones"/>).</summary>
    IReadOnlyList<UiWidget> Widgets => [];
}
