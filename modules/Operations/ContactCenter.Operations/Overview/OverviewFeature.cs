using Autofac;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Operations.Overview;

/// <summary>The "Operação" page and API: live figures of the whole operation, and the notices that keep the page current.</summary>
internal static class OverviewFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<GetOperationsOverview.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<NotifyOperations.Pulse>().SingleInstance();
        builder.RegisterType<NotifyOperations>().AsImplementedInterfaces().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api) => GetOperationsOverview.Map(api);
}
