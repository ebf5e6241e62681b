using ContactCenter.Kernel.Audit;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Queues.Products;

internal static class DeleteProduct
{
    internal sealed class Handler(ContactCenterDbContext db, IAuditLog audit)
    {
        public async Task<Result<Guid>> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            var product = await db.Set<Product>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (product is null)
            {
                return Error.NotFound("The product");
            }

            // Agents stop serving it with it (the link rows cascade); to keep it for history, deactivate instead.
            db.Set<Product>().Remove(product);
            audit.Record("product.deleted", ProductAudit.Target(product), before: ProductAudit.Snapshot(product));
            await db.SaveChangesAsync(cancellationToken);
            return id;
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapDelete("/products/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, ct)).ToHttp(_ => TypedResults.NoContent()))
        .WithName("DeleteProduct")
        .WithSummary("Delete a product")
        .WithDescription("Agents stop serving it. To stop new leads but keep it visible, set isActive to false instead.")
        .WithTags("Products")
        .RequireAuthorization(Policies.Admin);
}
