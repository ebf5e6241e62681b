using Autofac;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Identity.Contracts;
using ContactCenter.Leads.Contracts;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Modules;
using ContactCenter.Kernel.Startup;
using ContactCenter.Queues.Agents;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Data;
using ContactCenter.Queues.Events;
using ContactCenter.Queues.LiveQueue;
using ContactCenter.Queues.Presence;
using ContactCenter.Queues.Products;
using ContactCenter.Queues.Routing;
using ContactCenter.Queues.Seeding;
using ContactCenter.Queues.Settings;
using ContactCenter.Queues.Teams;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace ContactCenter.Queues;

/// <summary>
/// Owns teams, products and agents' routing profiles (presence, capacity), and routing: who gets each conversation
/// and unanswered-lead task, backlog rounds, first-response timeouts, claims and transfers (docs/routing.md);
/// tables <c>Queues_*</c>.
/// </summary>
public sealed class QueuesModule : Module, IContactCenterModule
{
    public const string ModuleName = "Queues";

    public string Name => ModuleName;

    public System.Reflection.Assembly? UiAssembly => typeof(QueuesModule).Assembly;

    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<QueuesApi>().As<IQueuesApi>().InstancePerLifetimeScope();
        builder.RegisterType<TeamMembership>().As<ITeamMembership>().InstancePerLifetimeScope();
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
        builder.RegisterType<NotifyLiveQueue>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<RoutingSettingsStore>().InstancePerLifetimeScope();
        builder.RegisterType<GetRoutingSettings.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<UpdateRoutingSettings.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<DemoQueuesSeeder>().As<IStartupSeeder>().InstancePerLifetimeScope();

        // Routing: placed on arrival, re-placed by rounds, timeouts, claims and transfers; every write conditional.
        builder.RegisterType<RoutingStore>().InstancePerLifetimeScope();
        builder.RegisterType<Placer>().InstancePerLifetimeScope();
        builder.RegisterType<RoutingApi>().As<IRoutingApi>().InstancePerLifetimeScope();
        builder.RegisterType<RouteOpenedConversation>().As<IEventHandler<ConversationOpened>>().InstancePerLifetimeScope();
        builder.RegisterType<FollowFirstResponse>().As<IEventHandler<AgentReplied>>().InstancePerLifetimeScope();
        builder.RegisterType<FinishWorkItems>().As<IEventHandler<ConversationFinished>>().As<IEventHandler<LeadTaskDone>>().InstancePerLifetimeScope();
        builder.RegisterType<QueueLeadTask>().As<IEventHandler<UnansweredLeadTaskCreated>>().InstancePerLifetimeScope();
        builder.RegisterType<RoundOnAvailability>().As<IEventHandler<AgentPresenceChanged>>().InstancePerLifetimeScope();
        builder.RegisterType<ClaimConversation.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<TransferConversation.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<GetConversationRouting.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<RoutingLock>().SingleInstance();
        builder.RegisterType<RoundSignal>().SingleInstance();
        builder.RegisterType<BacklogRounds>().SingleInstance();
        builder.RegisterType<FirstResponseTimeouts>().SingleInstance();
        builder.RegisterType<RoundRunner>().As<IHostedService>().SingleInstance();
    }

    public void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new TeamConfiguration());
        modelBuilder.ApplyConfiguration(new TeamMemberConfiguration());
        modelBuilder.ApplyConfiguration(new TeamChannelAccountConfiguration());
        modelBuilder.ApplyConfiguration(new ProductConfiguration());
        modelBuilder.ApplyConfiguration(new AgentProfileConfiguration());
        modelBuilder.ApplyConfiguration(new AgentProductConfiguration());
        modelBuilder.ApplyConfiguration(new WorkItemConfiguration());
        modelBuilder.ApplyConfiguration(new RoutingDecisionConfiguration());
        modelBuilder.ApplyConfiguration(new RoutingSettingsConfiguration());
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
        ClaimConversation.Map(api);
        TransferConversation.Map(api);
        GetConversationRouting.Map(api);
        GetRoutingSettings.Map(api);
        UpdateRoutingSettings.Map(api);
        GetLiveQueue.Map(api);
    }

    public void ConfigureJobs(IQuartzBuilder quartz)
    {
        quartz.ScheduleJob<BacklogRoundJob>(
            trigger => trigger.WithIdentity("routing-backlog-round-trigger", "routing")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(BacklogRoundJob.FireEverySeconds)).RepeatForever()),
            job => job.WithIdentity(BacklogRoundJob.Key));
        quartz.ScheduleJob<FirstResponseTimeoutJob>(
            trigger => trigger.WithIdentity("routing-first-response-trigger", "routing")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(FirstResponseTimeoutJob.FireEverySeconds)).RepeatForever()),
            job => job.WithIdentity(FirstResponseTimeoutJob.Key));
        PresenceSweepJob.Schedule(quartz);
    }
}
