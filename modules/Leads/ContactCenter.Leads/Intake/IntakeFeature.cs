using Autofac;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Leads.Intake;

/// <summary>
/// Lead intake: the API, agents' "Add as lead" and the public form share one intake; arrivals are matched to leads.
/// </summary>
internal static class IntakeFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<ArrivalMatcher>().InstancePerLifetimeScope();
        builder.RegisterType<LeadIntake>().InstancePerLifetimeScope();
        builder.RegisterType<WhatsAppLinks>().InstancePerLifetimeScope();
        builder.RegisterType<CreateLead.Handler>().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api) => CreateLead.Map(api);
}
