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

/// <summary>Templates of one or every channel account, optionally of one status; and one by id; each with its usage.</summary>
internal static class ListTemplates
{
    internal sealed class Handler(ContactCenterDbContext db, TimeProvider clock)
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
            var usage = await UsageAsync(rows.Select(t => t.Id).ToList(), cancellationToken);
            return rows.Select(t => t.ToView() with { Usage = usage.GetValueOrDefault(t.Id, Unused) }).ToList();
        }

        public async Task<Result<TemplateView>> GetAsync(Guid id, CancellationToken cancellationToken)
        {
            if (await db.Set<Template>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } template)
            {
                return Error.NotFound("The template");
            }

            return template.ToView() with { Usage = (await UsageAsync([id], cancellationToken)).GetValueOrDefault(id, Unused) };
        }

        private static readonly TemplateUsage Unused = new(0, 0, null);

        /// <summary>The counted sends of these templates (what Meta bills), grouped in the database.</summary>
        private async Task<Dictionary<Guid, TemplateUsage>> UsageAsync(List<Guid> ids, CancellationToken cancellationToken)
        {
            if (ids.Count == 0)
            {
                return [];
            }

            var since = clock.GetUtcNow().UtcDateTime.AddDays(-30);
            var counts = await db.Set<TemplateSend>().AsNoTracking()
                .Where(s => ids.Contains(s.TemplateId))
                .GroupBy(s => s.TemplateId)
                .Select(g => new { g.Key, Total = g.Count(), Recent = g.Count(s => s.SentAt >= since), Last = g.Max(s => s.SentAt) })
                .ToListAsync(cancellationToken);
            return counts.ToDictionary(c => c.Key, c => new TemplateUsage(c.Total, c.Recent, DateTime.SpecifyKind(c.Last, DateTimeKind.Utc)));
        }
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
