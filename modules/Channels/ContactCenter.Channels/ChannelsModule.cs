using Autofac;
using ContactCenter.Channels.Accounts;
using ContactCenter.Channels.Contracts;
using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Channels.Data;
using ContactCenter.Channels.Inbox;
using ContactCenter.Channels.Outbound;
using ContactCenter.Channels.Plugins;
using ContactCenter.Channels.Seeding;
using ContactCenter.Channels.Webhooks;
using ContactCenter.Kernel.Modules;
using ContactCenter.Kernel.Startup;
using ContactCenter.Channels.Ui;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.Channels;

/// <summary>
/// Owns channel accounts (a plugin plus its settings, secrets encrypted) and shows the plugin catalog the
/// host loaded, and the outbox: durable outbound sending through the plugins; tables <c>Channels_*</c>.
/// </summary>
public sealed class ChannelsModule : Module, IContactCenterModule
{
    public const string ModuleName = "Channels";

    public string Name => ModuleName;

    public System.Reflection.Assembly? UiAssembly => typeof(ChannelsModule).Assembly;

    public IReadOnlyList<NavItem> NavItems => ChannelsMenu.Items;

    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<ChannelsApi>().As<IChannelsApi>().InstancePerLifetimeScope();
        builder.RegisterType<ChannelSecrets>().SingleInstance();
        builder.RegisterType<ListPlugins.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<ListChannelAccounts.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<GetChannelAccount.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<CreateChannelAccount.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<UpdateChannelAccount.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<DeleteChannelAccount.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<DemoChannelSeeder>().As<IStartupSeeder>().InstancePerLifetimeScope();

        // Inbound: webhooks into the inbox, the inbox into events (exactly once), failures for admins.
        builder.RegisterType<ChannelAdapters>().SingleInstance();
        builder.RegisterType<WebhookIntake>().InstancePerLifetimeScope();
        builder.RegisterType<Sandbox.SandboxPhone>().InstancePerLifetimeScope();
        builder.RegisterType<Sandbox.SandboxLinks>().AsSelf().As<ISandboxPhoneLinks>().SingleInstance();
        builder.RegisterType<ForgetChangedAdapters>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<ChannelMediaSource>().As<IChannelMediaSource>().InstancePerLifetimeScope();
        builder.RegisterType<ChannelTemplates>().As<IChannelTemplates>().InstancePerLifetimeScope();
        builder.RegisterType<InboxSignal>().SingleInstance();
        builder.RegisterType<InboxProcessor>().AsSelf().As<IHostedService>().SingleInstance();
        builder.RegisterType<InboxRowProcessor>().InstancePerLifetimeScope();
        builder.RegisterType<ListInboxFailures.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<ReprocessInboxFailure.Handler>().InstancePerLifetimeScope();
        // Outbound: the outbox other modules write to, and the sender that delivers it.
        builder.Register(c => OutboxOptions.From(c.Resolve<IConfiguration>())).SingleInstance();
        builder.RegisterType<Outbox>().As<IOutbox>().InstancePerLifetimeScope();
        builder.RegisterType<OutboxSignal>().SingleInstance();
        builder.RegisterType<SendingAdapters>().SingleInstance();
        builder.RegisterType<OutboundRateLimiter>().SingleInstance();
        builder.RegisterType<PayloadMapper>().InstancePerLifetimeScope();
        builder.RegisterType<OutboxClaims>().InstancePerLifetimeScope();
        builder.RegisterType<OutboxOutcomes>().InstancePerLifetimeScope();
        builder.RegisterType<OutboxDelivery>().InstancePerLifetimeScope();
        builder.RegisterType<OutboxSender>().AsSelf().As<IHostedService>().SingleInstance();
        builder.RegisterType<ListOutbox.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<RetryOutbox.Handler>().InstancePerLifetimeScope();
    }

    public void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new ChannelAccountConfiguration());
        modelBuilder.ApplyConfiguration(new InboxEntryConfiguration());
        modelBuilder.ApplyConfiguration(new ProcessedEventConfiguration());
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        ListPlugins.Map(api);
        ListChannelAccounts.Map(api);
        GetChannelAccount.Map(api);
        CreateChannelAccount.Map(api);
        UpdateChannelAccount.Map(api);
        DeleteChannelAccount.Map(api);
        ListInboxFailures.Map(api);
        ReprocessInboxFailure.Map(api);
        Sandbox.SendSandboxFile.Map(api);
        Sandbox.OpenSandboxLinkMedia.Map(api);
        ListOutbox.Map(api);
        RetryOutbox.Map(api);
    }

    public void MapPublicEndpoints(IEndpointRouteBuilder app) => ReceiveWebhook.Map(app);
}
