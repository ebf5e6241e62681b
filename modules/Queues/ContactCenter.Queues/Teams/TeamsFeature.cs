using Autofac;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Queues.Teams;

/// <summary>Teams: the admin's list and form, and who belongs to each team.</summary>
internal static class TeamsFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<TeamMembership>().As<ITeamMembership>().InstancePerLifetimeScope();
        builder.RegisterType<TeamViews>().InstancePerLifetimeScope();
        builder.RegisterType<ListTeams.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<GetTeam.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<CreateTeam.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<UpdateTeam.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<DeleteTeam.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<SetTeamMembers.Handler>().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        ListTeams.Map(api);
        GetTeam.Map(api);
        CreateTeam.Map(api);
        UpdateTeam.Map(api);
        DeleteTeam.Map(api);
        SetTeamMembers.Map(api);
    }
}
