using Autofac;
using ContactCenter.Channels.Accounts;
using ContactCenter.Channels.Contracts;
using ContactCenter.Channels.Inbox;
using ContactCenter.Channels.Metrics;
using ContactCenter.Channels.Outbound;
using ContactCenter.Channels.Plugins;
using ContactCenter.Channels.Sandbox;
using ContactCenter.Channels.Seeding;
using ContactCenter.Channels.Ui;
using ContactCenter.Channels.Webhooks;
using ContactCenter.Kernel.Modules;
using ContactCenter.Kernel.Startup;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Channels;

/// <summary>
/// Owns channel accounts (a plugin plus its settings, secrets encrypted) and shows the plugin catalog the
/// host loaded; inbound webhooks into the inbox and out as events, and the outbox: durable outbound sending through
/// the plugins; tables <c>Channels_*</c>.
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
        AccountsFeature.Register(builder);
        PluginsFeature.Register(builder);
        builder.RegisterType<DemoChannelSeeder>().As<IStartupSeeder>().InstancePerLifetimeScope();
        WebhooksFeature.Register(builder);
        SandboxFeature.Register(builder);
        InboxFeature.Register(builder);
        OutboundFeature.Register(builder);
        MetricsFeature.Register(builder);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        PluginsFeature.Map(api);
        AccountsFeature.Map(api);
        InboxFeature.Map(api);
        SandboxFeature.Map(api);
        OutboundFeature.Map(api);
    }

    public void MapPublicEndpoints(IEndpointRouteBuilder app) => WebhooksFeature.MapPublic(app);
}
