using Autofac;

namespace ContactCenter.Conversations.Contacts;

/// <summary>Conversations follow their contact when Leads merges two contacts.</summary>
internal static class ContactsFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<FollowContactMerge>().AsImplementedInterfaces().InstancePerLifetimeScope();
    }
}
