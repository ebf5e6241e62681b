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

/// <summary>Templates of one or every channel account, optionally of one status; and one by id.</summary>
internal static class ListTemplates
{
    internal sealed class Handler(ContactCenterDbContext db)
    {
        public async Task<IReadOnlyList<TemplateView>> ListAsync(Guid? channelAccountId, string? status, CancellationToken cancellationToken)
        {
            var query = db.Set<Template>().AsNoTracking();
            if (channelAccountId is { } account)
            {
                query = query.Where(t => t.ChannelAccountId == account);
            }

            if (!string.IsNullOrWhiteSpace(status))
            {
                query = query.Where(t => t.Status == status);
            }

            var rows = await query.OrderBy(t => t.Name).ThenBy(t => t.Language).ToListAsync(cancellationToken);
            return rows.Select(t => t.ToView()).ToList();
        }

        public async Task<Result<TemplateView>> GetAsync(Guid id, CancellationToken cancellationToken) =>
            await db.Set<Template>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken) is { } template
                ? template.ToView()
                : Error.NotFound("The template");
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/templates", async (Guid? channelAccountId, string? status, Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(channelAccountId, status, ct)))
            .WithName("ListTemplates")
            .WithSummary("List message templates")
            .WithDescription("Filter by channelAccountId and status (draft, pending, approved, rejected, paused, disabled).")
            .WithTags("Templates")
            .RequireAuthorization(Policies.Supervisor);
        api.MapGet("/templates/{id:guid}", async Task<Results<Ok<TemplateView>, ProblemHttpResult>> (Guid id, Handler handler, CancellationToken ct) =>
                (await handler.GetAsync(id, ct)).ToHttp(TypedResults.Ok))
            .WithName("GetTemplate")
            .WithSummary("Get a message template")
            .WithTags("Templates")
            .RequireAuthorization(Policies.Supervisor);
    }
}
