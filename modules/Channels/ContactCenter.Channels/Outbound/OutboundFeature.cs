using Autofac;
using ContactCenter.Channels.Contracts.Outbound;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.Channels.Outbound;

/// <summary>Outbound: the outbox other modules write to, and the sender that delivers it through the plugins.</summary>
internal static class OutboundFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.Register(c => OutboxOptions.From(c.Resolve<IConfiguration>())).SingleInstance();
        builder.RegisterType<Outbox>().As<IOutbox>().InstancePerLifetimeScope();
        builder.RegisterType<OutboxSignal>().SingleInstance();
        builder.RegisterType<SendingAdapters>().SingleInstance();
        builder.RegisterType<OutboundRateLimiter>().SingleInstance();
        builder.RegisterType<PayloadMapper>().InstancePerLifetimeScope();
        builder.RegisterType<OutboxClaims>().InstancePerLifetimeScope();
        builder.RegisterType<OutboxOutcomes>().InstancePerLifetimeScope();
        builder.RegisterType<OutboxDelivery>().InstancePerLifetimeScope();
        builder.RegisterType<OutboxSender>().AsSelf().As<IHostedService>().SingleInstance();
        builder.RegisterType<ListOutbox.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<RetryOutbox.Handler>().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        ListOutbox.Map(api);
        RetryOutbox.Map(api);
    }
}
