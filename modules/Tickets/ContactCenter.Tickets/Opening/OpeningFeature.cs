using Autofac;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Tickets.Opening;

/// <summary>"Criar chamado": a new ticket from a conversation's picked messages, or an internal one.</summary>
internal static class OpeningFeature
{
    public static void Register(ContainerBuilder builder) => builder.RegisterType<OpenTicket.Handler>().InstancePerLifetimeScope();

    public static void Map(IEndpointRouteBuilder api) => OpenTicket.Map(api);
}
