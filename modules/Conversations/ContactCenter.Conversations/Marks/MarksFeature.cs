using Autofac;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Conversations.Marks;

/// <summary>An agent marks a conversation pending or resolved.</summary>
internal static class MarksFeature
{
    public static void Register(ContainerBuilder builder) =>
        builder.RegisterType<MarkConversation.Handler>().InstancePerLifetimeScope();

    public static void Map(IEndpointRouteBuilder api) => MarkConversation.Map(api);
}
