using Autofac;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;

namespace ContactCenter.Operations.Jobs;

/// <summary>The scheduled jobs page and API, the runs they show, and their line on <c>/health/ready</c>.</summary>
internal static class JobsFeature
{
    /// <summary>The tag of the readiness checks (the host's <c>/health/ready</c>).</summary>
    private const string ReadyTag = "ready";

    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<JobRuns>().SingleInstance();
        builder.RegisterType<RecordJobRuns>().SingleInstance();
        builder.RegisterType<ListJobs.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<RunJobNow.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<JobsHealthCheck>().SingleInstance();
        builder.RegisterInstance(new ConfigureOptions<HealthCheckServiceOptions>(options => options.Registrations.Add(
                new HealthCheckRegistration("jobs", services => services.GetRequiredService<JobsHealthCheck>(), HealthStatus.Degraded, [ReadyTag]))))
            .As<IConfigureOptions<HealthCheckServiceOptions>>();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        ListJobs.Map(api);
        RunJobNow.Map(api);
    }

    public static void Listen(IQuartzBuilder quartz) => quartz.AddJobListener(services => services.GetRequiredService<RecordJobRuns>());
}
