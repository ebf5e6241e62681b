using ContactCenter.Channels.Contracts;
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

/// <summary>A new template, as a draft of its channel account: linted first, submitted later.</summary>
internal static class CreateTemplate
{
    internal sealed class Handler(ContactCenterDbContext db, IChannelsApi channels, TimeProvider clock, IAuditLog audit)
    {
        public async Task<Result<TemplateView>> HandleAsync(TemplateRequest request, CancellationToken cancellationToken)
        {
            if (request.ChannelAccountId is not { } accountId || await channels.FindAccountAsync(accountId, cancellationToken) is null)
            {
                return Error.Validation("channelAccountId", "Escolha um canal existente.");
            }

            if (TemplateMapping.Problems(request) is { } invalid)
            {
                return invalid;
            }

            var draft = request.ToDraft();
            if (await db.Set<Template>().AnyAsync(t => t.ChannelAccountId == accountId && t.Name == draft.Name && t.Language == draft.Language, cancellationToken))
            {
                return NameTaken(draft.Name!, draft.Language!);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var template = new Template { ChannelAccountId = accountId, Name = draft.Name!, Language = draft.Language!, Category = draft.Category!, Body = draft.Body!, CreatedAt = now };
            template.Apply(request, now);
            db.Set<Template>().Add(template);
            audit.Record("template.created", TemplateAudit.Target(template), after: TemplateAudit.Snapshot(template));
            await db.SaveChangesAsync(cancellationToken);
            return template.ToView();
        }
    }

    public static Error NameTaken(string name, string language) =>
        Error.Conflict("template_name_taken", $"Este canal já tem um modelo '{name}' em {language}.");

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/templates", async Task<Results<Created<TemplateView>, ProblemHttpResult>> (TemplateRequest request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(request, ct)).ToHttp(t => TypedResults.Created($"/api/v1/templates/{t.Id}", t)))
        .WithName("CreateTemplate")
        .WithSummary("Create a message template (draft)")
        .WithDescription("Checked against Meta's rules first: a broken rule answers 400 template_invalid with every problem by field, in pt-BR.")
        .WithTags("Templates")
        .RequireAuthorization(Policies.Admin);
}
