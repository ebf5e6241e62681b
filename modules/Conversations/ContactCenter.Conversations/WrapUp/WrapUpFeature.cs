using Autofac;
using ContactCenter.Conversations.Routing;
using ContactCenter.Kernel.Startup;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Conversations.WrapUp;

/// <summary>Finishing a conversation with a contact reason, and the admin's list of contact reasons.</summary>
internal static class WrapUpFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<FinishConversation.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<ListContactReasons.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<CreateContactReason.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<UpdateContactReason.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<DemoContactReasonsSeeder>().As<IStartupSeeder>().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        FinishConversation.Map(api);
        ListContactReasons.Map(api);
        CreateContactReason.Map(api);
        UpdateContactReason.Map(api);
    }
}
