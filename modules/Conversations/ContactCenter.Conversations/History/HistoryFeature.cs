using Autofac;
using ContactCenter.Conversations.Ui;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Conversations.History;

/// <summary>Finished conversations, searchable.</summary>
internal static class HistoryFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<ListHistory.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<HistoryView>().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api) => ListHistory.Map(api);
}
