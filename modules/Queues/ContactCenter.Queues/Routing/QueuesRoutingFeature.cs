using Autofac;
using ContactCenter.Chatbot.Contracts;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Events;
using ContactCenter.Leads.Contracts;
using ContactCenter.Queues.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace ContactCenter.Queues.Routing;

/// <summary>
/// Routing: who gets each conversation and unanswered-lead task (docs/routing.md). Placed on arrival, re-placed by
/// backlog rounds, first-response timeouts, claims and transfers; every write conditional.
/// </summary>
internal static class QueuesRoutingFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<RoutingStore>().InstancePerLifetimeScope();
        builder.RegisterType<RoutingSnapshots>().InstancePerLifetimeScope();
        builder.RegisterType<DecisionSnapshots>().InstancePerLifetimeScope();
        builder.RegisterType<Placer>().InstancePerLifetimeScope();
        builder.RegisterType<RoutingApi>().As<IRoutingApi>().InstancePerLifetimeScope();
        builder.RegisterType<RouteOpenedConversation>().As<IEventHandler<ConversationOpened>>().InstancePerLifetimeScope();
        builder.RegisterType<PrepareOpenedConversations>().As<IEventBatchPreparer<ConversationOpened>>().InstancePerLifetimeScope();
        builder.RegisterType<RouteBotHandOff>().As<IEventHandler<BotHandedOff>>().InstancePerLifetimeScope();
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

    public static void Map(IEndpointRouteBuilder api)
    {
        ClaimConversation.Map(api);
        TransferConversation.Map(api);
        GetConversationRouting.Map(api);
    }

    public static void Schedule(IQuartzBuilder quartz)
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
    }
}
