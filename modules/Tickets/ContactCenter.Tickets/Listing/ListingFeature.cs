using Autofac;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Tickets.Listing;

/// <summary>Reading tickets: the filtered list, one ticket with its history, and a conversation's tickets.</summary>
internal static class ListingFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<TicketVisibility>().InstancePerLifetimeScope();
        builder.RegisterType<TicketViews>().InstancePerLifetimeScope();
        builder.RegisterType<ListTickets.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<GetTicket.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<ListConversationTickets.Handler>().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        ListTickets.Map(api);
        GetTicket.Map(api);
        ListConversationTickets.Map(api);
    }
}
