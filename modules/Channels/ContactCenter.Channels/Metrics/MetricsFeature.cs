using Autofac;

namespace ContactCenter.Channels.Metrics;

/// <summary>The channels' figures on <c>/metrics</c>; the instruments exist from start-up, so a scrape sees zeros, not gaps.</summary>
internal static class MetricsFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<ChannelMetrics>().SingleInstance().AutoActivate();
        builder.RegisterType<CountInboundMessages>().AsImplementedInterfaces().InstancePerLifetimeScope();
    }
}
