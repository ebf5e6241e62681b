using Autofac;
using ContactCenter.Identity.Contracts;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Modules;
using ContactCenter.Kernel.Startup;
using ContactCenter.Queues.Agents;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Data;
using ContactCenter.Queues.Events;
using ContactCenter.Queues.LiveQueue;
using ContactCenter.Queues.Presence;
using ContactCenter.Queues.Products;
using ContactCenter.Queues.Seeding;
using ContactCenter.Queues.Settings;
using ContactCenter.Queues.Teams;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ContactCenter.Queues;

/// <summary>Owns teams, products and agents' routing profiles (presence, capacity); tables <c>Queues_*</c>.</summary>
public sealed class QueuesModule : Module, IContactCenterModule
{
    public const string ModuleName = "Queues";

    public string Name => ModuleName;

    public System.Reflection.Assembly? UiAssembly => typeof(QueuesModule).Assembly;

    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<QueuesApi>().As<IQueuesApi>().InstancePerLifetimeScope();
        builder.RegisterType<TeamViews>().InstancePerLifetimeScope();
        builder.RegisterType<AgentViews>().InstancePerLifetimeScope();
        builder.RegisterType<AgentProfiles>().InstancePerLifetimeScope();
        builder.RegisterType<ListTeams.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<GetTeam.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<CreateTeam.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<UpdateTeam.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<DeleteTeam.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<SetTeamMembers.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<ListProducts.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<GetProduct.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<CreateProduct.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<UpdateProduct.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<DeleteProduct.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<ListAgents.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<GetAgent.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<UpdateAgent.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<SetPresence.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<CreateAgentProfileOnUserCreated>().As<IEventHandler<UserCreated>>().InstancePerLifetimeScope();
        builder.RegisterType<FollowUserActivation>().As<IEventHandler<UserActivationChanged>>().InstancePerLifetimeScope();
        builder.RegisterType<PresenceApi>().As<IPresenceApi>().InstancePerLifetimeScope();
        builder.RegisterType<PresenceSweeper>().InstancePerLifetimeScope();
        builder.RegisterType<GetLiveQueue.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<RoutingSettingsStore>().InstancePerLifetimeScope();
        builder.RegisterType<GetRoutingSettings.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<UpdateRoutingSettings.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<DemoQueuesSeeder>().As<IStartupSeeder>().InstancePerLifetimeScope();
    }

    public void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new TeamConfiguration());
        modelBuilder.ApplyConfiguration(new TeamMemberConfiguration());
        modelBuilder.ApplyConfiguration(new TeamChannelAccountConfiguration());
        modelBuilder.ApplyConfiguration(new ProductConfiguration());
        modelBuilder.ApplyConfiguration(new AgentProfileConfiguration());
        modelBuilder.ApplyConfiguration(new AgentProductConfiguration());
        modelBuilder.ApplyConfiguration(new RoutingSettingsConfiguration());
    }

    public void ConfigureJobs(IQuartzBuilder quartz)
    {
        PresenceSweepJob.Schedule(quartz);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        ListTeams.Map(api);
        GetTeam.Map(api);
        CreateTeam.Map(api);
        UpdateTeam.Map(api);
        DeleteTeam.Map(api);
        SetTeamMembers.Map(api);
        ListProducts.Map(api);
        GetProduct.Map(api);
        CreateProduct.Map(api);
        UpdateProduct.Map(api);
        DeleteProduct.Map(api);
        ListAgents.Map(api);
        GetAgent.Map(api);
        UpdateAgent.Map(api);
        SetPresence.Map(api);
        GetRoutingSettings.Map(api);
        UpdateRoutingSettings.Map(api);
        GetLiveQueue.Map(api);
    }
}
