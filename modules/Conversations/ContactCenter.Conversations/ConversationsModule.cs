using Autofac;
using ContactCenter.Conversations.Contacts;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Data;
using ContactCenter.Conversations.History;
using ContactCenter.Conversations.Listing;
using ContactCenter.Conversations.Media;
using ContactCenter.Conversations.Messages;
using ContactCenter.Conversations.Inactivity;
using ContactCenter.Conversations.Marks;
using ContactCenter.Conversations.Outreach;
using ContactCenter.Conversations.Notices;
using ContactCenter.Conversations.Routing;
using ContactCenter.Conversations.Ui;
using ContactCenter.Conversations.WrapUp;
using ContactCenter.Kernel.Startup;
using ContactCenter.Kernel.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace ContactCenter.Conversations;

/// <summary>
/// Owns conversations with contacts, their messages and media, and who may see them; tables <c>Conversations_*</c>.
/// Contacts belong to Leads; who gets a conversation is decided by routing (Queues) and applied here.
/// </summary>
public sealed class ConversationsModule : Module, IContactCenterModule
{
    public const string ModuleName = "Conversations";

    public string Name => ModuleName;

    /// <summary>The agent inbox (<c>/inbox</c>, the landing page).</summary>
    public System.Reflection.Assembly? UiAssembly => typeof(ConversationsModule).Assembly;

    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<ConversationsApi>().As<IConversationsApi>().InstancePerLifetimeScope();
        builder.RegisterType<ConversationVisibility>().InstancePerLifetimeScope();
        builder.RegisterType<ListConversations.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<GetConversation.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<ListContactConversations.Handler>().InstancePerLifetimeScope();

        // Messages: stored from the channels' inbound events, listed under the visibility rule, media fetched at once.
        builder.RegisterType<ConversationFinder>().InstancePerLifetimeScope();
        builder.RegisterType<MessageModifiers>().InstancePerLifetimeScope();
        builder.RegisterType<StoreInboundMessages>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<ApplyDeliveryStatus>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<ListMessages.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<FindMessages.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<ContactThreads>().InstancePerLifetimeScope();
        builder.RegisterType<SendMessage.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<SendTemplateMessage.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<RecordSendOutcome>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<StoredFileSource>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<DownloadMedia.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<ApplyRouting>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<FollowContactMerge>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<FinishConversation.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<MarkConversation.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<InboxView>().InstancePerLifetimeScope();

        // Wrap-up and history: the admin's contact reasons, chosen when finishing; finished conversations, searchable.
        builder.RegisterType<ListContactReasons.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<CreateContactReason.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<UpdateContactReason.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<DemoContactReasonsSeeder>().As<IStartupSeeder>().InstancePerLifetimeScope();
        builder.RegisterType<ListHistory.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<HistoryView>().InstancePerLifetimeScope();
        builder.RegisterType<StartOutreach.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<OutreachView>().InstancePerLifetimeScope();
        builder.RegisterType<CloseInactiveConversations>().InstancePerLifetimeScope();

        // Real time: who hears what after a commit (after StoreInboundMessages: it reads the stored message).
        builder.RegisterType<NotifyRouting>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<NotifyInboundMessages>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<NotifyDeliveryStatus>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<NotifyContactThread>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<MediaSignal>().SingleInstance();
        builder.RegisterType<MediaStore>().SingleInstance();
        builder.RegisterType<MediaFetcher>().AsSelf().As<IHostedService>().SingleInstance();
    }

    public void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new ConversationConfiguration());
        modelBuilder.ApplyConfiguration(new MessageConfiguration());
        modelBuilder.ApplyConfiguration(new MessageEditConfiguration());
        modelBuilder.ApplyConfiguration(new MediaFileConfiguration());
        modelBuilder.ApplyConfiguration(new ContactReasonConfiguration());
    }

    public void ConfigureJobs(IQuartzBuilder quartz) => InactivityCloseJob.Schedule(quartz);

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        ListConversations.Map(api);
        GetConversation.Map(api);
        ListContactConversations.Map(api);
        ListMessages.Map(api);
        SendMessage.Map(api);
        SendMessage.MapUpload(api);
        SendTemplateMessage.Map(api);
        FindMessages.Map(api);
        DownloadMedia.Map(api);
        FinishConversation.Map(api);
        MarkConversation.Map(api);
        ListContactReasons.Map(api);
        CreateContactReason.Map(api);
        UpdateContactReason.Map(api);
        ListHistory.Map(api);
        StartOutreach.Map(api);
    }
}
