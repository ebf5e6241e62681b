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

namespace ContactCenter.Identity.ApiKeys;

internal static class CreateApiKey
{
    internal sealed record Request(string? Name, Role Role = Role.Agent);

    internal sealed class Handler(ContactCenterDbContext db, TimeProvider clock, ICurrentUser caller, IAuditLog audit)
    {
        public async Task<Result<CreatedApiKey>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            var validator = new Validator()
                .Require("name", request.Name, "Name the key after the system that will use it.")
                .Check((request.Name?.Length ?? 0) <= 200, "name", "Use at most 200 characters.")
                .Check(Enum.IsDefined(request.Role), "role", "The role must be admin, supervisor or agent.");
            if (!validator.IsValid)
            {
                return validator.ToError();
            }

            var key = ApiKey.Generate();
            var apiKey = new ApiKey
            {
                Name = request.Name!.Trim(),
                Prefix = ApiKey.PrefixOf(key),
                KeyHash = ApiKey.Hash(key),
                Role = request.Role,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                CreatedBy = caller.UserId,
            };
            db.Set<ApiKey>().Add(apiKey);
            audit.Record("apiKey.created", AuditTarget.Of("apiKey", apiKey.Id, apiKey.Name), after: new { apiKey.Name, apiKey.Prefix, apiKey.Role, Key = AuditSecret.Of(key) });
            await db.SaveChangesAsync(cancellationToken);
            return new CreatedApiKey(ApiKeyView.From(apiKey), key);
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/api-keys", async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> (Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(request, ct)).ToHttp(created => TypedResults.Created($"/api/v1/api-keys/{created.ApiKey.Id}", created)))
        .WithName("CreateApiKey")
        .WithSummary("Create an API key")
        .WithDescription("Returns the key once; store it, it cannot be shown again. Send it as 'Authorization: Bearer <key>'.")
        .WithTags("API keys")
        .RequireAuthorization(Policies.Admin);
}
