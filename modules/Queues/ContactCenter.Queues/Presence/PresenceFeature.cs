using Autofac;
using ContactCenter.Queues.Contracts;
using Quartz;

namespace ContactCenter.Queues.Presence;

/// <summary>Who is available: the presence other modules ask about, and the sweep that logs out silent agents.</summary>
internal static class PresenceFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<PresenceApi>().As<IPresenceApi>().InstancePerLifetimeScope();
        builder.RegisterType<PresenceSweeper>().InstancePerLifetimeScope();
    }

    public static void Schedule(IQuartzBuilder quartz) => PresenceSweepJob.Schedule(quartz);
}
