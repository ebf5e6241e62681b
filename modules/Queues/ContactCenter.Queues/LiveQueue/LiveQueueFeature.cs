using Autofac;
using ContactCenter.Queues.Contracts;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Queues.LiveQueue;

/// <summary>The supervisors' live queue: the figures and the notices that keep the page current, and the same figures on <c>/metrics</c>.</summary>
internal static class LiveQueueFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<GetLiveQueue.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<NotifyLiveQueue>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<QueueFigures>().As<IQueueFigures>().InstancePerLifetimeScope();
        builder.RegisterType<QueueMetrics>().SingleInstance().AutoActivate();
        builder.RegisterType<CountRoutingDecisions>().AsImplementedInterfaces().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api) => GetLiveQueue.Map(api);
}
