using Autofac;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Identity.Users;

/// <summary>The admin's users and their roles.</summary>
internal static class UsersFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<ListUsers.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<GetUser.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<CreateUser.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<UpdateUser.Handler>().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        ListUsers.Map(api);
        GetUser.Map(api);
        CreateUser.Map(api);
        UpdateUser.Map(api);
    }
}
