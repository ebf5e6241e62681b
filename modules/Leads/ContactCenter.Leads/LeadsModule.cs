using Autofac;
using ContactCenter.Kernel.Modules;
using ContactCenter.Leads.Contacts;
using ContactCenter.Leads.Contracts;
using ContactCenter.Leads.Intake;
using ContactCenter.Leads.PublicForm;
using ContactCenter.Leads.Tasks;
using ContactCenter.Leads.Temperature;
using ContactCenter.Leads.Timeline;
using ContactCenter.Leads.Ui;
using Microsoft.AspNetCore.Routing;
using Quartz;

namespace ContactCenter.Leads;

/// <summary>
/// Owns contacts and leads: who a channel's sender is, public lead forms per product, new vs returning by e-mail,
/// arrivals and every other event on the contact's timeline, temperature and unanswered-lead tasks; tables <c>Leads_*</c>.
/// </summary>
public sealed class LeadsModule : Module, IContactCenterModule
{
    public const string ModuleName = "Leads";
    public string Name => ModuleName;
    public System.Reflection.Assembly? UiAssembly => typeof(LeadsModule).Assembly;
    public IReadOnlyList<NavItem> NavItems => LeadsMenu.Items;
    public IReadOnlyList<UiWidget> Widgets => LeadsMenu.Widgets;

    protected override void Load(ContainerBuilder builder)
    {
        // The facade the inbox path and the other modules call.
        builder.RegisterType<ContactsApi>().As<IContactsApi>().InstancePerLifetimeScope();
        ContactsFeature.Register(builder);
        IntakeFeature.Register(builder);
        PublicFormFeature.Register(builder);
        TimelineFeature.Register(builder);
        TemperatureFeature.Register(builder);
        TasksFeature.Register(builder);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        IntakeFeature.Map(api);
        ContactsFeature.Map(api);
        TimelineFeature.Map(api);
        TemperatureFeature.Map(api);
        TasksFeature.Map(api);
    }

    public void MapPublicEndpoints(IEndpointRouteBuilder app) => PublicFormFeature.MapPublic(app);

    public void ConfigureJobs(IQuartzBuilder quartz) => TasksFeature.Schedule(quartz);
}
