using Autofac;
using ContactCenter.Kernel.Events;
using ContactCenter.Leads.Contracts;
using ContactCenter.Queues.Contracts;
using Microsoft.AspNetCore.Routing;
using Quartz;

namespace ContactCenter.Leads.Tasks;

/// <summary>Unanswered-lead tasks: created by a sweep, routed by Queues, listed and completed by agents.</summary>
internal static class TasksFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<TaskVisibility>().InstancePerLifetimeScope();
        builder.RegisterType<TaskViews>().InstancePerLifetimeScope();
        builder.RegisterType<UnansweredLeads>().InstancePerLifetimeScope();
        builder.RegisterType<UnansweredLeadsJob>().InstancePerDependency();
        builder.RegisterType<RecordTaskRouting>().As<IEventHandler<LeadTaskRouted>>().InstancePerLifetimeScope();
        builder.RegisterType<ListTasks.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<CompleteTask.Handler>().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        ListTasks.Map(api);
        CompleteTask.Map(api);
    }

    public static void Schedule(IQuartzBuilder quartz) => UnansweredLeadsJob.Configure(quartz);
}
