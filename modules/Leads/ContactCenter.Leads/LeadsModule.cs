using Autofac;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Modules;
using ContactCenter.Leads.Contacts;
using ContactCenter.Leads.Contracts;
using ContactCenter.Leads.Data;
using ContactCenter.Leads.Intake;
using ContactCenter.Leads.PublicForm;
using ContactCenter.Leads.Tasks;
using ContactCenter.Leads.Timeline;
using ContactCenter.Queues.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ContactCenter.Leads;

/// <summary>
/// Owns contacts and leads: who a channel's sender is, public lead forms per product, new vs returning by e-mail,
/// arrivals on the timeline and unanswered-lead tasks; tables <c>Leads_*</c>.
/// </summary>
public sealed class LeadsModule : Module, IContactCenterModule
{
    public const string ModuleName = "Leads";

    public string Name => ModuleName;

    public System.Reflection.Assembly? UiAssembly => typeof(LeadsModule).Assembly;

    protected override void Load(ContainerBuilder builder)
    {
        // Facade for the inbox path, and the services behind it.
        builder.RegisterType<ContactsApi>().As<IContactsApi>().InstancePerLifetimeScope();
        builder.RegisterType<ContactBook>().InstancePerLifetimeScope();
        builder.RegisterType<ArrivalMatcher>().InstancePerLifetimeScope();
        builder.RegisterType<ContactMerger>().InstancePerLifetimeScope();
        builder.RegisterType<ContactTimeline>().InstancePerLifetimeScope();
        builder.RegisterType<Names>().InstancePerLifetimeScope();
        builder.RegisterType<ContactVisibility>().InstancePerLifetimeScope();
        builder.RegisterType<ContactViews>().InstancePerLifetimeScope();
        builder.RegisterType<TaskVisibility>().InstancePerLifetimeScope();
        builder.RegisterType<TaskViews>().InstancePerLifetimeScope();

        // Lead intake: the API, agents' "Add as lead" and the public form share one intake.
        builder.RegisterType<LeadIntake>().InstancePerLifetimeScope();
        builder.RegisterType<WhatsAppLinks>().InstancePerLifetimeScope();
        builder.RegisterType<CreateLead.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<LeadForm.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<FormRateLimiter>().SingleInstance();

        // Contacts and their timeline.
        builder.RegisterType<ListContacts.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<GetContact.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<UpdateContact.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<GetTimeline.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<RecordRouting>().As<IEventHandler<ConversationRouted>>().InstancePerLifetimeScope();
        builder.RegisterType<RecordFinish>().As<IEventHandler<ConversationFinished>>().InstancePerLifetimeScope();
        builder.RegisterType<RecordTickets>().AsImplementedInterfaces().InstancePerLifetimeScope();

        // Unanswered-lead tasks.
        builder.RegisterType<UnansweredLeads>().InstancePerLifetimeScope();
        builder.RegisterType<UnansweredLeadsJob>().InstancePerDependency();
        builder.RegisterType<RecordTaskRouting>().As<IEventHandler<LeadTaskRouted>>().InstancePerLifetimeScope();
        builder.RegisterType<ListTasks.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<CompleteTask.Handler>().InstancePerLifetimeScope();
    }

    public void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new ContactConfiguration());
        modelBuilder.ApplyConfiguration(new LeadConfiguration());
        modelBuilder.ApplyConfiguration(new TimelineEntryConfiguration());
        modelBuilder.ApplyConfiguration(new LeadTaskConfiguration());
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        CreateLead.Map(api);
        ListContacts.Map(api);
        GetContact.Map(api);
        UpdateContact.Map(api);
        GetTimeline.Map(api);
        ListTasks.Map(api);
        CompleteTask.Map(api);
    }

    /// <summary>The public lead form <c>/f/{productSlug}</c>: anonymous, rate-limited, with a honeypot.</summary>
    public void MapPublicEndpoints(IEndpointRouteBuilder app) => LeadForm.Map(app);

    public void ConfigureJobs(IQuartzBuilder quartz) => UnansweredLeadsJob.Configure(quartz);
}
