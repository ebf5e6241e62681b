using Autofac;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Leads.PublicForm;

/// <summary>The public lead form <c>/f/{productSlug}</c>: anonymous, rate-limited, with a honeypot.</summary>
internal static class PublicFormFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<LeadForm.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<FormRateLimiter>().SingleInstance();
    }

    public static void MapPublic(IEndpointRouteBuilder app) => LeadForm.Map(app);
}
