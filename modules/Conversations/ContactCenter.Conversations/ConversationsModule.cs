using Autofac;
using ContactCenter.Conversations.Contacts;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.History;
using ContactCenter.Conversations.Inactivity;
using ContactCenter.Conversations.Listing;
using ContactCenter.Conversations.Marks;
using ContactCenter.Conversations.Media;
using ContactCenter.Conversations.Messages;
using ContactCenter.Conversations.Notices;
using ContactCenter.Conversations.Outreach;
using ContactCenter.Conversations.Routing;
using ContactCenter.Conversations.Ui;
using ContactCenter.Conversations.WrapUp;
using ContactCenter.Kernel.Modules;
using Microsoft.AspNetCore.Routing;
using Quartz;

namespace ContactCenter.Conversations;

/// <summary>Owns conversations, their messages and media, and who may see them (docs/architecture.md).</summary>
public sealed class ConversationsModule : Module, IContactCenterModule
{
    public const string ModuleName = "Conversations";
    public string Name => ModuleName;
    public System.Reflection.Assembly? UiAssembly => typeof(ConversationsModule).Assembly;
    public IReadOnlyList<NavItem> NavItems => ConversationsMenu.Items;

    // Handlers of one event run in registration order: messages are stored before anyone is notified (Notices last).
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<ConversationsApi>().As<IConversationsApi>().InstancePerLifetimeScope();
        ListingFeature.Register(builder);
        MessagesFeature.Register(builder);
        MediaFeature.Register(builder);
        AssignmentFeature.Register(builder);
        ContactsFeature.Register(builder);
        WrapUpFeature.Register(builder);
        MarksFeature.Register(builder);
        HistoryFeature.Register(builder);
        OutreachFeature.Register(builder);
        InactivityFeature.Register(builder);
        NoticesFeature.Register(builder);
    }

    public void ConfigureJobs(IQuartzBuilder quartz) => InactivityFeature.Schedule(quartz);

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        ListingFeature.Map(api);
        MessagesFeature.Map(api);
        MediaFeature.Map(api);
        WrapUpFeature.Map(api);
        MarksFeature.Map(api);
        HistoryFeature.Map(api);
        OutreachFeature.Map(api);
    }
}
