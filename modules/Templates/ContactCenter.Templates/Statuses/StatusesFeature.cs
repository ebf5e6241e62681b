using Autofac;
using ContactCenter.Channels.Contracts;
using ContactCenter.Kernel.Events;
using Microsoft.AspNetCore.Routing;
using Quartz;

namespace ContactCenter.Templates.Statuses;

/// <summary>The provider's review of each template, followed from its webhook and by a periodic sync.</summary>
internal static class StatusesFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<FollowTemplateStatus>().AsSelf().As<IEventHandler<TemplateStatusReceived>>().InstancePerLifetimeScope();
        builder.RegisterType<SyncTemplates.Handler>().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api) => SyncTemplates.Map(api);

    public static void Schedule(IQuartzBuilder quartz) => TemplateSyncJob.Schedule(quartz);
}
