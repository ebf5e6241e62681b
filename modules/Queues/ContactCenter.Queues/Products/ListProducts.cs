using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Queues.Products;

internal static class ListProducts
{
    internal sealed class Handler(ContactCenterDbContext db)
    {
        public async Task<IReadOnlyList<ProductDto>> HandleAsync(Guid? teamId, CancellationToken cancellationToken) =>
            (await db.Set<Product>().AsNoTracking()
                .Where(p => teamId == null || p.TeamId == teamId)
                .OrderBy(p => p.Name)
                .ToListAsync(cancellationToken))
            .Select(p => p.ToDto())
            .ToList();
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/products", async (Guid? teamId, Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(teamId, ct)))
        .WithName("ListProducts")
        .WithSummary("List products")
        .WithDescription("Every product (active or not), optionally only those a team serves. Any signed-in user may read them: agents pick products when they talk to contacts.")
        .WithTags("Products")
        .RequireAuthorization(Policies.Agent);
}
