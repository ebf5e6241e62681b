using Autofac;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Queues.Settings;

/// <summary>The admin's routing settings (backlog round interval, first-response timeout).</summary>
internal static class RoutingSettingsFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<RoutingSettingsStore>().InstancePerLifetimeScope();
        builder.RegisterType<GetRoutingSettings.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<UpdateRoutingSettings.Handler>().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        GetRoutingSettings.Map(api);
        UpdateRoutingSettings.Map(api);
    }
}
