using Autofac;

namespace ContactCenter.Conversations.Assignment;

/// <summary>
/// The copy of routing's decision on the conversation (Queues decides), and the first-response clock it stops.
/// </summary>
internal static class AssignmentFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<ApplyRouting>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<RoutedConversations>().AsImplementedInterfaces().InstancePerLifetimeScope();
    }
}
