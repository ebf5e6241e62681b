using Autofac;
using ContactCenter.Chatbot.Contracts;
using ContactCenter.Chatbot.Evaluation;
using ContactCenter.Chatbot.Log;
using ContactCenter.Chatbot.Settings;
using ContactCenter.Chatbot.Simulation;
using ContactCenter.Chatbot.Triggers;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Events;
using ContactCenter.Queues.Contracts;
using Microsoft.AspNetCore.Routing;
using Quartz;

namespace ContactCenter.Chatbot;

/// <summary>The chatbot's slices: settings, triggers, "testar", the live evaluation with its sweep, and the log.</summary>
internal static class ChatbotFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<ChatbotApi>().As<IChatbotApi>().InstancePerLifetimeScope();
        builder.RegisterType<GetChatbotSettings>().InstancePerLifetimeScope();
        builder.RegisterType<UpdateChatbotSettings>().InstancePerLifetimeScope();
        builder.RegisterType<ListTriggers>().InstancePerLifetimeScope();
        builder.RegisterType<TriggerChecks>().InstancePerLifetimeScope();
        builder.RegisterType<CreateTrigger>().InstancePerLifetimeScope();
        builder.RegisterType<UpdateTrigger>().InstancePerLifetimeScope();
        builder.RegisterType<DeleteTrigger>().InstancePerLifetimeScope();
        builder.RegisterType<SimulateTrigger.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<GetBotLog.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<BotRunner>().InstancePerLifetimeScope();
        builder.RegisterType<BotSweep>().InstancePerLifetimeScope();
        builder.RegisterType<OnContactMessage>().As<IEventHandler<ContactMessageStored>>().InstancePerLifetimeScope();
        builder.RegisterType<StopWhenPeopleTakeOver>()
            .As<IEventHandler<AgentReplied>>().As<IEventHandler<ConversationRouted>>().As<IEventHandler<ConversationFinished>>()
            .InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        GetChatbotSettings.Map(api);
        UpdateChatbotSettings.Map(api);
        ListTriggers.Map(api);
        GetTrigger.Map(api);
        CreateTrigger.Map(api);
        UpdateTrigger.Map(api);
        DeleteTrigger.Map(api);
        SimulateTrigger.Map(api);
        GetBotLog.Map(api);
    }

    public static void Schedule(IQuartzBuilder quartz) => BotSweepJob.Schedule(quartz);
}
