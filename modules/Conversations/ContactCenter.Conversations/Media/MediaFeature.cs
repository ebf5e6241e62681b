using Autofac;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.Conversations.Media;

/// <summary>
/// Media: fetched from the provider as soon as a message arrives, stored, downloaded under the visibility rule.
/// </summary>
internal static class MediaFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<StoredFileSource>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<DownloadMedia.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<MediaSignal>().SingleInstance();
        builder.RegisterType<MediaStore>().SingleInstance();
        builder.RegisterType<MediaFetcher>().AsSelf().As<IHostedService>().SingleInstance();
    }

    public static void Map(IEndpointRouteBuilder api) => DownloadMedia.Map(api);
}
