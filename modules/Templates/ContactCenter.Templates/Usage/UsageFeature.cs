using Autofac;
using ContactCenter.Channels.Contracts;
using ContactCenter.Kernel.Events;
using ContactCenter.Templates.Contracts;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Templates.Usage;

/// <summary>The count of billable template sends (also on <c>/metrics</c>), and the supervisors' usage report.</summary>
internal static class UsageFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<CountTemplateSends>().As<IEventHandler<TemplateMessageSent>>().InstancePerLifetimeScope();
        builder.RegisterType<GetTemplateUsage.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<TemplateMetrics>().SingleInstance().AutoActivate();
    }

    public static void Map(IEndpointRouteBuilder api) => GetTemplateUsage.Map(api);
}
