using ContactCenter.Identity.Contracts;
using ContactCenter.Identity.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Identity.Users;

internal static class ListUsers
{
    internal sealed class Handler(ContactCenterDbContext db)
    {
        public async Task<IReadOnlyList<UserSummary>> HandleAsync(CancellationToken cancellationToken) =>
            (await db.Set<User>().AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(cancellationToken))
                .Select(u => u.ToSummary())
                .ToList();
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/users", async (Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
        .WithName("ListUsers")
        .WithSummary("List users")
        .WithDescription("Every user with their role and whether they may log in.")
        .WithTags("Users")
        .RequireAuthorization(Policies.Admin);
}
