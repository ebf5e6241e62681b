using Autofac;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Identity.ApiKeys;

/// <summary>API keys for integrations, created and revoked by admins.</summary>
internal static class ApiKeysFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<ListApiKeys.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<CreateApiKey.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<RevokeApiKey.Handler>().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        ListApiKeys.Map(api);
        CreateApiKey.Map(api);
        RevokeApiKey.Map(api);
    }
}
