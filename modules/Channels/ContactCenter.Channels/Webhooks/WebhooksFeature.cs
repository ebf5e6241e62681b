using Autofac;
using ContactCenter.Channels.Contracts;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Channels.Webhooks;

/// <summary>
/// Inbound: the providers' webhooks, verified by each account's plugin, into the inbox; media and templates through
/// the same adapters.
/// </summary>
internal static class WebhooksFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<ChannelAdapters>().SingleInstance();
        builder.RegisterType<WebhookIntake>().InstancePerLifetimeScope();
        builder.RegisterType<ForgetChangedAdapters>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<ChannelMediaSource>().As<IChannelMediaSource>().InstancePerLifetimeScope();
        builder.RegisterType<ChannelTemplates>().As<IChannelTemplates>().InstancePerLifetimeScope();
    }

    public static void MapPublic(IEndpointRouteBuilder app) => ReceiveWebhook.Map(app);
}
