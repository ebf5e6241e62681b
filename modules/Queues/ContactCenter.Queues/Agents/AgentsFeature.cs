using Autofac;
using ContactCenter.Identity.Contracts;
using ContactCenter.Kernel.Events;
using ContactCenter.Queues.Events;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Queues.Agents;

/// <summary>
/// Agents' routing profiles (capacity, products, presence), created and kept active as Identity's users are.
/// </summary>
internal static class AgentsFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<AgentViews>().InstancePerLifetimeScope();
        builder.RegisterType<AgentScope>().InstancePerLifetimeScope();
        builder.RegisterType<AgentProfiles>().InstancePerLifetimeScope();
        builder.RegisterType<ListAgents.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<GetAgent.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<UpdateAgent.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<SetPresence.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<CreateAgentProfileOnUserCreated>().As<IEventHandler<UserCreated>>().InstancePerLifetimeScope();
        builder.RegisterType<FollowUserActivation>().As<IEventHandler<UserActivationChanged>>().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        ListAgents.Map(api);
        GetAgent.Map(api);
        UpdateAgent.Map(api);
        SetPresence.Map(api);
    }
}
