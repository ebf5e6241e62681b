using Autofac;
using ContactCenter.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Identity.Auth;

/// <summary>Logging in and out (throttled where failures come from), and who the caller is.</summary>
internal static class AuthFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<PasswordHasher<User>>().As<IPasswordHasher<User>>().SingleInstance();
        builder.RegisterType<VerifyPassword>().InstancePerLifetimeScope();
        // One per node: the counters are the memory of who failed where.
        builder.RegisterType<LoginThrottle>().SingleInstance();
        builder.RegisterType<KnownBrowsers>().SingleInstance();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        Login.Map(api);
        Logout.Map(api);
        Me.Map(api);
    }
}
