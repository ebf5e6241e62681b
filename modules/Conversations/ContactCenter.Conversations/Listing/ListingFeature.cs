using Autofac;
using ContactCenter.Conversations.Ui;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Conversations.Listing;

/// <summary>The inbox and the conversation lists, under the one visibility rule every read goes through.</summary>
internal static class ListingFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<ConversationVisibility>().InstancePerLifetimeScope();
        builder.RegisterType<ListConversations.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<GetConversation.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<ListContactConversations.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<InboxView>().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        ListConversations.Map(api);
        GetConversation.Map(api);
        ListContactConversations.Map(api);
    }
}
