using ContactCenter.Identity.Domain;
using ContactCenter.Kernel.Audit;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Identity.ApiKeys;

internal static class RevokeApiKey
{
    internal sealed class Handler(ContactCenterDbContext db, TimeProvider clock, IAuditLog audit)
    {
        public async Task<Result<ApiKeyView>> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            var key = await db.Set<ApiKey>().FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
            if (key is null)
            {
                return Error.NotFound("The API key");
            }

            // Revoking twice keeps the first date: it is when the key stopped working.
            var before = key.RevokedAt;
            key.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
            audit.Record("apiKey.revoked", AuditTarget.Of("apiKey", key.Id, key.Name), new { RevokedAt = before }, new { key.RevokedAt });
            await db.SaveChangesAsync(cancellationToken);
            return ApiKeyView.From(key);
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapDelete("/api-keys/{id:guid}", async Task<Results<Ok<ApiKeyView>, ProblemHttpResult>> (Guid id, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, ct)).ToHttp(TypedResults.Ok))
        .WithName("RevokeApiKey")
        .WithSummary("Revoke an API key")
        .WithDescription("The key stops working at once; it stays listed as revoked.")
        .WithTags("API keys")
        .RequireAuthorization(Policies.Admin);
}
