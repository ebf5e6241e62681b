using Autofac;
using ContactCenter.Conversations.Contracts;

namespace ContactCenter.Conversations.Notices;

/// <summary>
/// Real time: who hears what after a commit (after StoreInboundMessages: it reads the stored message); IT's dashboards
/// hear the conversations' figures on <c>/metrics</c>.
/// </summary>
internal static class NoticesFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<NotifyRouting>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<NotifyInboundMessages>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<NotifyDeliveryStatus>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<NotifyContactThread>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<ConversationMetrics>().SingleInstance().AutoActivate();
        builder.RegisterType<MeasureFirstResponse>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<ConversationFigures>().As<IConversationFigures>().InstancePerLifetimeScope();
    }
}
