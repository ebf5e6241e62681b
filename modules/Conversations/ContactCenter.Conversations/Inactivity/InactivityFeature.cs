using Autofac;
using Quartz;

namespace ContactCenter.Conversations.Inactivity;

/// <summary>Conversations nobody has written in for the configured time are finished by a sweep.</summary>
internal static class InactivityFeature
{
    public static void Register(ContainerBuilder builder) =>
        builder.RegisterType<CloseInactiveConversations>().InstancePerLifetimeScope();

    public static void Schedule(IQuartzBuilder quartz) => InactivityCloseJob.Schedule(quartz);
}
