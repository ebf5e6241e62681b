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

/// <summary>Removes a template here (the provider's copy is left as it is); counted sends stay in the report.</summary>
internal static class DeleteTemplate
{
    internal sealed class Handler(ContactCenterDbContext db, IAuditLog audit)
    {
        public async Task<Result<bool>> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            var template = await db.Set<Template>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (template is null)
            {
                return Error.NotFound("The template");
            }

            db.Set<Template>().Remove(template);
            audit.Record("template.deleted", TemplateAudit.Target(template), before: new { template.Name, template.Language, template.Status });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapDelete("/templates/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, ct)).ToHttp(_ => TypedResults.NoContent()))
        .WithName("DeleteTemplate")
        .WithSummary("Delete a message template")
        .WithTags("Templates")
        .RequireAuthorization(Policies.Admin);
}
