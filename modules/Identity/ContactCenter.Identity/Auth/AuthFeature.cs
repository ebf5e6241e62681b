using Autofac;
using ContactCenter.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Identity.Auth;

/// <summary>Logging in and out (with lockout), and who the caller is.</summary>
internal static class AuthFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<PasswordHasher<User>>().As<IPasswordHasher<User>>().SingleInstance();
        builder.RegisterType<VerifyPassword>().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        Login.Map(api);
        Logout.Map(api);
        Me.Map(api);
    }
}
