using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Queues.Products;

internal static class GetProduct
{
    internal sealed class Handler(ContactCenterDbContext db)
    {
        public async Task<Result<ProductDto>> HandleAsync(Guid id, CancellationToken cancellationToken) =>
            await db.Set<Product>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is { } product
                ? product.ToDto()
                : Error.NotFound("The product");
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/products/{id:guid}", async Task<Results<Ok<ProductDto>, ProblemHttpResult>> (Guid id, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, ct)).ToHttp(TypedResults.Ok))
        .WithName("GetProduct")
        .WithSummary("Get a product")
        .WithTags("Products")
        .RequireAuthorization(Policies.Agent);
}
