using Autofac;
using ContactCenter.Templates.Linting;
using ContactCenter.Templates.Ui;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Templates.Manage;

/// <summary>The admin's templates per channel account: list, edit, lint (Meta's rules) and submit for review.</summary>
internal static class ManageFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<ListTemplates.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<CreateTemplate.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<UpdateTemplate.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<DeleteTemplate.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<SubmitTemplate.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<TemplatesView>().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        ListTemplates.Map(api);
        LintTemplate.Map(api);
        CreateTemplate.Map(api);
        UpdateTemplate.Map(api);
        DeleteTemplate.Map(api);
        SubmitTemplate.Map(api);
    }
}
