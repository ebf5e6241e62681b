using Autofac;
using ContactCenter.Channels.Contracts;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Modules;
using ContactCenter.Kernel.Startup;
using ContactCenter.Templates.Contracts;
using ContactCenter.Templates.Data;
using ContactCenter.Templates.Linting;
using ContactCenter.Templates.Manage;
using ContactCenter.Templates.Seeding;
using ContactCenter.Templates.Statuses;
using ContactCenter.Templates.Ui;
using ContactCenter.Templates.Usage;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
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
        builder.RegisterType<ListTemplates.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<CreateTemplate.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<UpdateTemplate.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<DeleteTemplate.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<SubmitTemplate.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<FollowTemplateStatus>().AsSelf().As<IEventHandler<TemplateStatusReceived>>().InstancePerLifetimeScope();
        builder.RegisterType<SyncTemplates.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<CountTemplateSends>().As<IEventHandler<TemplateMessageSent>>().InstancePerLifetimeScope();
        builder.RegisterType<GetTemplateUsage.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<TemplatesView>().InstancePerLifetimeScope();
        builder.RegisterType<DemoTemplatesSeeder>().As<IStartupSeeder>().InstancePerLifetimeScope();
    }

    public void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new TemplateConfiguration());
        modelBuilder.ApplyConfiguration(new TemplateSendConfiguration());
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        ListTemplates.Map(api);
        LintTemplate.Map(api);
        CreateTemplate.Map(api);
        UpdateTemplate.Map(api);
        DeleteTemplate.Map(api);
        SubmitTemplate.Map(api);
        SyncTemplates.Map(api);
        GetTemplateUsage.Map(api);
    }

    public void ConfigureJobs(IQuartzBuilder quartz) => TemplateSyncJob.Schedule(quartz);
}
