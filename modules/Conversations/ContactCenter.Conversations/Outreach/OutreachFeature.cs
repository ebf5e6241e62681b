using Autofac;
using ContactCenter.Conversations.Ui;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Conversations.Outreach;

/// <summary>"Nova conversa": an agent writes first to a number from one of the channel accounts.</summary>
internal static class OutreachFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<StartOutreach.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<OutreachView>().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api) => StartOutreach.Map(api);
}
