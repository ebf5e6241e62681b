using Autofac;
using ContactCenter.Kernel.Modules;
using ContactCenter.Tickets.Changes;
using ContactCenter.Tickets.Contracts;
using ContactCenter.Tickets.Listing;
using ContactCenter.Tickets.Messages;
using ContactCenter.Tickets.Opening;
using ContactCenter.Tickets.Ui;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Tickets;

/// <summary>
/// Owns tickets ("chamados"): opened from a conversation's picked messages or through the API, linked to more messages by
/// number, with status, priority, assignee, team and a history of changes (docs/tickets.md); tables <c>Tickets_*</c>.
/// </summary>
public sealed class TicketsModule : Module, IContactCenterModule
{
    public const string ModuleName = "Tickets";
    public string Name => ModuleName;

    /// <summary>The tickets list, a ticket's page, and the tools in a conversation.</summary>
    public System.Reflection.Assembly? UiAssembly => typeof(TicketsModule).Assembly;

    public IReadOnlyList<NavItem> NavItems => TicketsMenu.Items;

    public IReadOnlyList<UiWidget> Widgets { get; } = [new(typeof(TicketTools), WidgetZones.ConversationTools, 10)];

    protected override void Load(ContainerBuilder builder)
    {
        // The facade other modules call (the conversation's side panel asks for a contact's open tickets).
        builder.RegisterType<TicketsApi>().As<ITicketsApi>().InstancePerLifetimeScope();
        OpeningFeature.Register(builder);
        ListingFeature.Register(builder);
        ChangesFeature.Register(builder);
        MessagesFeature.Register(builder);
        builder.RegisterType<TicketsView>().InstancePerLifetimeScope();
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        OpeningFeature.Map(api);
        ListingFeature.Map(api);
        ChangesFeature.Map(api);
        MessagesFeature.Map(api);
    }
}
