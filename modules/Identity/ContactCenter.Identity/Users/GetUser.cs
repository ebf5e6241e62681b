using ContactCenter.Identity.Contracts;
using ContactCenter.Identity.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Identity.Users;

internal static class GetUser
{
    internal sealed class Handler(ContactCenterDbContext db)
    {
        public async Task<Result<UserSummary>> HandleAsync(Guid id, CancellationToken cancellationToken) =>
            await db.Set<User>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken) is { } user
                ? user.ToSummary()
                : Error.NotFound("The user");
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/users/{id:guid}", async Task<Results<Ok<UserSummary>, ProblemHttpResult>> (Guid id, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, ct)).ToHttp(TypedResults.Ok))
        .WithName("GetUser")
        .WithSummary("Get a user")
        .WithTags("Users")
        .RequireAuthorization(Policies.Admin);
}
