using Autofac;
using ContactCenter.Identity.ApiKeys;
using ContactCenter.Identity.Auth;
using ContactCenter.Identity.Contracts;
using ContactCenter.Identity.Seeding;
using ContactCenter.Identity.Ui;
using ContactCenter.Identity.Users;
using ContactCenter.Kernel.Modules;
using ContactCenter.Kernel.Startup;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Identity;

/// <summary>Owns users, roles, logins (with lockout) and API keys; tables <c>Identity_*</c>.</summary>
public sealed class IdentityModule : Module, IContactCenterModule
{
    public const string ModuleName = "Identity";
    public string Name => ModuleName;
    public System.Reflection.Assembly? UiAssembly => typeof(IdentityModule).Assembly;
    public IReadOnlyList<NavItem> NavItems => IdentityMenu.Items;

    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<IdentityApi>().As<IIdentityApi>().InstancePerLifetimeScope();
        AuthFeature.Register(builder);
        UsersFeature.Register(builder);
        ApiKeysFeature.Register(builder);
        builder.RegisterType<BootstrapApiKeySeeder>().As<IStartupSeeder>().InstancePerLifetimeScope();
        builder.RegisterType<DemoUsersSeeder>().As<IStartupSeeder>().InstancePerLifetimeScope();
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        AuthFeature.Map(api);
        UsersFeature.Map(api);
        ApiKeysFeature.Map(api);
    }
}
