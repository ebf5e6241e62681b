using Autofac;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Queues.LiveQueue;

/// <summary>The supervisors' live queue: the figures and the notices that keep the page current.</summary>
internal static class LiveQueueFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<GetLiveQueue.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<NotifyLiveQueue>().AsImplementedInterfaces().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api) => GetLiveQueue.Map(api);
}
