using Autofac;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Channels.Accounts;

/// <summary>Channel accounts: a plugin plus its settings, secrets encrypted at rest.</summary>
internal static class AccountsFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<ChannelSecrets>().SingleInstance();
        builder.RegisterType<ListChannelAccounts.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<GetChannelAccount.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<CreateChannelAccount.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<UpdateChannelAccount.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<DeleteChannelAccount.Handler>().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        ListChannelAccounts.Map(api);
        GetChannelAccount.Map(api);
        CreateChannelAccount.Map(api);
        UpdateChannelAccount.Map(api);
        DeleteChannelAccount.Map(api);
    }
}
