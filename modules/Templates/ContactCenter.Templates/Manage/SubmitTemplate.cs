using ContactCenter.Channels.Contracts;
using ContactCenter.Kernel.Audit;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Templates.Domain;
using ContactCenter.Templates.Linting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Templates.Manage;

/// <summary>
/// Sends a draft (or rejected) template for the provider's review through its channel's plugin. A refusal by the
/// provider's validation is stored as rejected with its reason; not reaching the provider leaves it a draft.
/// </summary>
internal static class SubmitTemplate
{
    internal sealed class Handler(ContactCenterDbContext db, IChannelTemplates channels, TimeProvider clock, IAuditLog audit)
    {
        public async Task<Result<TemplateView>> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            var template = await db.Set<Template>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (template is null)
            {
                return Error.NotFound("The template");
            }

            if (template.Status is not (TemplateStatuses.Draft or TemplateStatuses.Rejected))
            {
                return Error.Conflict("template_already_submitted", $"O modelo já foi enviado para revisão (situação: {template.Status}).");
            }

            var bodyExamples = TemplateMapping.Strings(template.BodyExamplesJson);
            var problems = TemplateLinter.Check(new TemplateDraft(template.Name, template.Language, template.Category, template.HeaderText,
                template.HeaderExample, template.Body, bodyExamples, template.Footer, TemplateMapping.Strings(template.ButtonsJson)));
            if (problems.Count > 0)
            {
                return TemplateMapping.Invalid(problems);
            }

            if (!await channels.SupportsTemplatesAsync(template.ChannelAccountId, cancellationToken))
            {
                return Error.Conflict("channel_without_templates", "O canal deste modelo não trabalha com modelos (ou o plugin não está carregado).");
            }

            var submitted = await channels.SubmitAsync(template.ChannelAccountId, new ChannelTemplate(
                template.Name, template.Language, template.Category, template.HeaderText,
                template.HeaderExample is null ? [] : [template.HeaderExample], template.Body, bodyExamples, template.Footer,
                TemplateMapping.Strings(template.ButtonsJson)), cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            if (!submitted.Accepted && TemplateStatuses.FromProvider(submitted.Status) != TemplateStatuses.Rejected)
            {
                return new Error("channel_unavailable", $"O provedor não respondeu; o modelo continua como rascunho. {submitted.ErrorText}", 502);
            }

            var before = new { template.Status, template.Reason };
            template.ProviderTemplateId = submitted.ProviderTemplateId ?? template.ProviderTemplateId;
            template.Status = submitted.Accepted ? TemplateStatuses.FromProvider(submitted.Status) ?? TemplateStatuses.Pending : TemplateStatuses.Rejected;
            template.Reason = submitted.Accepted ? null : submitted.ErrorText;
            template.StatusChangedAt = now;
            template.UpdatedAt = now;
            audit.Record("template.submitted", TemplateAudit.Target(template), before, new { template.Status, template.Reason });
            await db.SaveChangesAsync(cancellationToken);
            return template.ToView();
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/templates/{id:guid}/submit", async Task<Results<Ok<TemplateView>, ProblemHttpResult>> (Guid id, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, ct)).ToHttp(TypedResults.Ok))
        .WithName("SubmitTemplate")
        .WithSummary("Submit a template for the provider's review")
        .WithTags("Templates")
        .RequireAuthorization(Policies.Admin);
}
