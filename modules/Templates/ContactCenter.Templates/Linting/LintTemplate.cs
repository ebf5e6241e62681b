using ContactCenter.Kernel.Identity;
using ContactCenter.Templates.Manage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Templates.Linting;

/// <summary>Checks a template without saving it, for live feedback while it is written (the endpoint and the admin form).</summary>
internal static class LintTemplate
{
    /// <summary>The same checks as create and update: Meta's rules and the variables' bindings.</summary>
    public static IReadOnlyList<TemplateProblem> Check(TemplateRequest request) => TemplateMapping.ProblemList(request);

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/templates/lint", (TemplateRequest request) => TypedResults.Ok(Check(request)))
        .WithName("LintTemplate")
        .WithSummary("Check a template against Meta's rules")
        .WithDescription("Answers every problem (field, rule, pt-BR message); an empty list means the template may be submitted.")
        .WithTags("Templates")
        .RequireAuthorization(Policies.Admin);
}
