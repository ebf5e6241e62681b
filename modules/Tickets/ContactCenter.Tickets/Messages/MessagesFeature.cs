using Autofac;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Tickets.Messages;

/// <summary>"Vincular a chamado": the messages linked to a ticket, and linking more by number.</summary>
internal static class MessagesFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<LinkMessages.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<ListTicketMessages.Handler>().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        LinkMessages.Map(api);
        ListTicketMessages.Map(api);
    }
}
