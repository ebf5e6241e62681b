using Autofac;
using ContactCenter.Kernel.Modules;
using ContactCenter.Kernel.Startup;
using ContactCenter.Templates.Contracts;
using ContactCenter.Templates.Manage;
using ContactCenter.Templates.Seeding;
using ContactCenter.Templates.Statuses;
using ContactCenter.Templates.Ui;
using ContactCenter.Templates.Usage;
using Microsoft.AspNetCore.Routing;
using Quartz;

namespace ContactCenter.Templates;

/// <summary>
/// Owns message templates per channel account (Meta's rules checked before submission, the provider's review
/// followed from its webhook) and the count of billable template sends (docs/templates.md); tables <c>Templates_*</c>.
/// </summary>
public sealed class TemplatesModule : Module, IContactCenterModule
{
    public const string ModuleName = "Templates";
    public string Name => ModuleName;

    /// <summary>The admin's template pages and the supervisors' usage report.</summary>
    public System.Reflection.Assembly? UiAssembly => typeof(TemplatesModule).Assembly;

    public IReadOnlyList<NavItem> NavItems => TemplatesMenu.Items;

    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<TemplatesApi>().As<ITemplatesApi>().InstancePerLifetimeScope();
        ManageFeature.Register(builder);
        StatusesFeature.Register(builder);
        UsageFeature.Register(builder);
        builder.RegisterType<DemoTemplatesSeeder>().As<IStartupSeeder>().InstancePerLifetimeScope();
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        ManageFeature.Map(api);
        StatusesFeature.Map(api);
        UsageFeature.Map(api);
    }

    public void ConfigureJobs(IQuartzBuilder quartz) => StatusesFeature.Schedule(quartz);
}
