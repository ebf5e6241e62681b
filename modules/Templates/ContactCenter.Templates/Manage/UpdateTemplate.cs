using ContactCenter.Kernel.Audit;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Templates.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Templates.Manage;

/// <summary>Edits a draft or a rejected template (it goes back to draft); one under review or in use is left alone.</summary>
internal static class UpdateTemplate
{
    internal sealed class Handler(ContactCenterDbContext db, TimeProvider clock, IAuditLog audit)
    {
        public async Task<Result<TemplateView>> HandleAsync(Guid id, TemplateRequest request, CancellationToken cancellationToken)
        {
            var template = await db.Set<Template>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (template is null)
            {
                return Error.NotFound("The template");
            }

            if (template.Status is not (TemplateStatuses.Draft or TemplateStatuses.Rejected))
            {
                return Error.Conflict("template_not_editable",
                    $"O modelo está {template.Status}: só rascunhos e modelos rejeitados podem ser editados. Crie um novo modelo.");
            }

            if (TemplateMapping.Problems(request) is { } invalid)
            {
                return invalid;
            }

            var draft = request.ToDraft();
            if (await db.Set<Template>().AnyAsync(t => t.Id != id && t.ChannelAccountId == template.ChannelAccountId && t.Name == draft.Name && t.Language == draft.Language, cancellationToken))
            {
                return CreateTemplate.NameTaken(draft.Name!, draft.Language!);
            }

            var before = TemplateAudit.Snapshot(template);
            template.Apply(request, clock.GetUtcNow().UtcDateTime);
            template.Status = TemplateStatuses.Draft;
            template.Reason = null;
            audit.Record("template.updated", TemplateAudit.Target(template), before, TemplateAudit.Snapshot(template));
            await db.SaveChangesAsync(cancellationToken);
            return template.ToView();
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/templates/{id:guid}", async Task<Results<Ok<TemplateView>, ProblemHttpResult>> (Guid id, TemplateRequest request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, request, ct)).ToHttp(TypedResults.Ok))
        .WithName("UpdateTemplate")
        .WithSummary("Edit a draft or rejected template")
        .WithTags("Templates")
        .RequireAuthorization(Policies.Admin);
}
