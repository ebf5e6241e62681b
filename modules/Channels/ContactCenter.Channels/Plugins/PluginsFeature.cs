using Autofac;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Channels.Plugins;

/// <summary>The catalog of channel plugins the host loaded.</summary>
internal static class PluginsFeature
{
    public static void Register(ContainerBuilder builder) =>
        builder.RegisterType<ListPlugins.Handler>().InstancePerLifetimeScope();

    public static void Map(IEndpointRouteBuilder api) => ListPlugins.Map(api);
}
