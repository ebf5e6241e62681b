using Autofac;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Tickets.Changes;

/// <summary>Changing a ticket's status, priority, assignee, team or text, each change kept in its history.</summary>
internal static class ChangesFeature
{
    public static void Register(ContainerBuilder builder) => builder.RegisterType<UpdateTicket.Handler>().InstancePerLifetimeScope();

    public static void Map(IEndpointRouteBuilder api) => UpdateTicket.Map(api);
}
