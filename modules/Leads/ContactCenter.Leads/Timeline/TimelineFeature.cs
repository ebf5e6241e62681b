using Autofac;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Events;
using ContactCenter.Queues.Contracts;
using ContactCenter.Templates.Contracts;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Leads.Timeline;

/// <summary>A contact's timeline, written from routing, finishing, ticket, template and temperature events.</summary>
internal static class TimelineFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<ContactTimeline>().InstancePerLifetimeScope();
        builder.RegisterType<GetTimeline.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<RecordRouting>().As<IEventHandler<ConversationRouted>>().InstancePerLifetimeScope();
        builder.RegisterType<RoutedContacts>().AsSelf().As<IEventBatchPreparer<ConversationRouted>>().InstancePerLifetimeScope();
        builder.RegisterType<RecordFinish>().As<IEventHandler<ConversationFinished>>().InstancePerLifetimeScope();
        builder.RegisterType<RecordTickets>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<RecordTemplateSends>().As<IEventHandler<TemplateMessageSent>>().InstancePerLifetimeScope();
        builder.RegisterType<RecordBotHandOffs>().AsImplementedInterfaces().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api) => GetTimeline.Map(api);
}
