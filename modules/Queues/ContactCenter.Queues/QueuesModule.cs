using Autofac;
using ContactCenter.Kernel.Modules;
using ContactCenter.Kernel.Startup;
using ContactCenter.Queues.Agents;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.LiveQueue;
using ContactCenter.Queues.Presence;
using ContactCenter.Queues.Products;
using ContactCenter.Queues.Routing;
using ContactCenter.Queues.Seeding;
using ContactCenter.Queues.Settings;
using ContactCenter.Queues.Teams;
using ContactCenter.Queues.Ui;
using Microsoft.AspNetCore.Routing;
using Quartz;

namespace ContactCenter.Queues;

/// <summary>
/// Owns teams, products, agents' profiles and routing: who gets each conversation and lead task (Routing/,
/// docs/routing.md); tables <c>Queues_*</c>. Each feature folder registers and maps itself in its *Feature.cs.
/// </summary>
public sealed class QueuesModule : Module, IContactCenterModule
{
    public const string ModuleName = "Queues";
    public string Name => ModuleName;
    public System.Reflection.Assembly? UiAssembly => typeof(QueuesModule).Assembly;
    public IReadOnlyList<NavItem> NavItems => QueuesMenu.Items;
    public IReadOnlyList<UiWidget> Widgets => QueuesMenu.Widgets;

    // Order matters where two handlers follow one event: the live queue hears ConversationOpened before routing.
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<QueuesApi>().As<IQueuesApi>().InstancePerLifetimeScope();
        TeamsFeature.Register(builder);
        ProductsFeature.Register(builder);
        AgentsFeature.Register(builder);
        PresenceFeature.Register(builder);
        LiveQueueFeature.Register(builder);
        RoutingSettingsFeature.Register(builder);
        builder.RegisterType<DemoQueuesSeeder>().As<IStartupSeeder>().InstancePerLifetimeScope();
        QueuesRoutingFeature.Register(builder);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        TeamsFeature.Map(api);
        ProductsFeature.Map(api);
        AgentsFeature.Map(api);
        QueuesRoutingFeature.Map(api);
        RoutingSettingsFeature.Map(api);
        LiveQueueFeature.Map(api);
    }

    public void ConfigureJobs(IQuartzBuilder quartz)
    {
        QueuesRoutingFeature.Schedule(quartz);
        PresenceFeature.Schedule(quartz);
    }
}
