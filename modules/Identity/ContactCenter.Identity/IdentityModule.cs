using Autofac;
using ContactCenter.Identity.ApiKeys;
using ContactCenter.Identity.Auth;
using ContactCenter.Identity.Contracts;
using ContactCenter.Identity.Data;
using ContactCenter.Identity.Domain;
using ContactCenter.Identity.Seeding;
using ContactCenter.Identity.Users;
using ContactCenter.Kernel.Modules;
using ContactCenter.Kernel.Startup;
using ContactCenter.Identity.Ui;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

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
        builder.RegisterType<PasswordHasher<User>>().As<IPasswordHasher<User>>().SingleInstance();
        builder.RegisterType<VerifyPassword>().InstancePerLifetimeScope();
        builder.RegisterType<ListUsers.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<GetUser.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<CreateUser.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<UpdateUser.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<ListApiKeys.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<CreateApiKey.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<RevokeApiKey.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<BootstrapApiKeySeeder>().As<IStartupSeeder>().InstancePerLifetimeScope();
        builder.RegisterType<DemoUsersSeeder>().As<IStartupSeeder>().InstancePerLifetimeScope();
    }

    public void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new UserConfiguration());
        modelBuilder.ApplyConfiguration(new ApiKeyConfiguration());
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        Login.Map(api);
        Logout.Map(api);
        Me.Map(api);
        ListUsers.Map(api);
        GetUser.Map(api);
        CreateUser.Map(api);
        UpdateUser.Map(api);
        ListApiKeys.Map(api);
        CreateApiKey.Map(api);
        RevokeApiKey.Map(api);
    }
}
