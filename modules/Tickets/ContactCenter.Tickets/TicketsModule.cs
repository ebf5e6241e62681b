using Autofac;
using ContactCenter.Kernel.Modules;
using ContactCenter.Tickets.Changes;
using ContactCenter.Tickets.Data;
using ContactCenter.Tickets.Listing;
using ContactCenter.Tickets.Messages;
using ContactCenter.Tickets.Opening;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tickets;

/// <summary>
/// Owns tickets ("chamados"): opened from a conversation's picked messages or through the API, linked to more messages by
/// number, with status, priority, assignee, team and a history of changes (docs/tickets.md); tables <c>Tickets_*</c>.
/// </summary>
public sealed class TicketsModule : Module, IContactCenterModule
{
    public const string ModuleName = "Tickets";

    public string Name => ModuleName;

    /// <summary>The tickets list and the ticket page.</summary>
    public System.Reflection.Assembly? UiAssembly => typeof(TicketsModule).Assembly;

    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<TicketVisibility>().InstancePerLifetimeScope();
        builder.RegisterType<TicketViews>().InstancePerLifetimeScope();
        builder.RegisterType<Ui.TicketsView>().InstancePerLifetimeScope();
        builder.RegisterType<OpenTicket.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<ListTickets.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<GetTicket.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<ListConversationTickets.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<UpdateTicket.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<LinkMessages.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<ListTicketMessages.Handler>().InstancePerLifetimeScope();
    }

    public void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new TicketConfiguration());
        modelBuilder.ApplyConfiguration(new TicketMessageConfiguration());
        modelBuilder.ApplyConfiguration(new TicketChangeConfiguration());
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        OpenTicket.Map(api);
        ListTickets.Map(api);
        GetTicket.Map(api);
        UpdateTicket.Map(api);
        LinkMessages.Map(api);
        ListTicketMessages.Map(api);
        ListConversationTickets.Map(api);
    }
}
