using Autofac;
using ContactCenter.Channels.Contracts;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Channels.Sandbox;

/// <summary>The sandbox phone: a fake WhatsApp to try the product with, its public links and files.</summary>
internal static class SandboxFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<SandboxPhone>().InstancePerLifetimeScope();
        builder.RegisterType<SandboxLinks>().AsSelf().As<ISandboxPhoneLinks>().SingleInstance();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        SendSandboxFile.Map(api);
        OpenSandboxLinkMedia.Map(api);
    }
}
