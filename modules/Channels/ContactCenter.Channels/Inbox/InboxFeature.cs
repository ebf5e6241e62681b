using Autofac;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.Channels.Inbox;

/// <summary>The inbox into events, exactly once, in the background; failures shown to admins to reprocess.</summary>
internal static class InboxFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<InboxSignal>().SingleInstance();
        builder.Register(c => InboxProcessorOptions.From(c.Resolve<IConfiguration>())).SingleInstance();
        builder.RegisterType<InboxProcessor>().AsSelf().As<IHostedService>().SingleInstance();
        builder.RegisterType<InboxBatchProcessor>().InstancePerLifetimeScope();
        builder.RegisterType<ListInboxFailures.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<ReprocessInboxFailure.Handler>().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        ListInboxFailures.Map(api);
        ReprocessInboxFailure.Map(api);
    }
}
