using ContactCenter.Identity.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Identity.ApiKeys;

internal static class ListApiKeys
{
    internal sealed class Handler(ContactCenterDbContext db)
    {
        public async Task<IReadOnlyList<ApiKeyView>> HandleAsync(CancellationToken cancellationToken) =>
            (await db.Set<ApiKey>().AsNoTracking().OrderBy(k => k.Name).ToListAsync(cancellationToken))
                .Select(ApiKeyView.From)
                .ToList();
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/api-keys", async (Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
        .WithName("ListApiKeys")
        .WithSummary("List API keys")
        .WithDescription("Every key with its role, when it was last used and whether it was revoked. The keys themselves are not stored.")
        .WithTags("API keys")
        .RequireAuthorization(Policies.Admin);
}
