using ContactCenter.Kernel.Audit;
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

internal static class UpdateProduct
{
    /// <summary>
    /// Every field is optional: what is left out stays as it is. Renaming keeps the slug, because published
    /// lead-form links carry it; send a slug to change it on purpose.
    /// </summary>
    internal sealed record Request(string? Name = null, string? Slug = null, string? Description = null, Guid? TeamId = null, bool? IsActive = null);

    internal sealed class Handler(ContactCenterDbContext db, IAuditLog audit)
    {
        public async Task<Result<ProductDto>> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
        {
            var product = await db.Set<Product>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (product is null)
            {
                return Error.NotFound("The product");
            }

            var validator = new Validator();
            if (request.Name is not null)
            {
                ProductRules.CheckName(validator, request.Name);
            }

            ProductRules.CheckDescription(validator, request.Description);
            var slug = request.Slug?.Trim();
            if (slug is not null)
            {
                ProductRules.CheckSlug(validator, slug);
            }

            if (request.TeamId is { } teamId && !await db.Set<Team>().AnyAsync(t => t.Id == teamId, cancellationToken))
            {
                validator.Add("teamId", "There is no such team.");
            }

            if (!validator.IsValid)
            {
                return validator.ToError();
            }

            var before = ProductAudit.Snapshot(product);
            if (slug is not null && slug != product.Slug)
            {
                if (await db.Set<Product>().AnyAsync(p => p.Slug == slug && p.Id != id, cancellationToken))
                {
                    return ProductRules.SlugTaken(slug);
                }

                product.Slug = slug;
            }

            product.Name = request.Name?.Trim() ?? product.Name;
            if (request.Description is not null)
            {
                product.Description = ProductRules.CleanDescription(request.Description);
            }

            product.TeamId = request.TeamId ?? product.TeamId;
            product.IsActive = request.IsActive ?? product.IsActive;
            audit.Record("product.updated", ProductAudit.Target(product), before, ProductAudit.Snapshot(product));
            await db.SaveChangesAsync(cancellationToken);
            return product.ToDto();
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/products/{id:guid}", async Task<Results<Ok<ProductDto>, ProblemHttpResult>> (Guid id, Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, request, ct)).ToHttp(TypedResults.Ok))
        .WithName("UpdateProduct")
        .WithSummary("Change a product")
        .WithDescription("Changes name, slug, description, serving team or whether it is active. Renaming keeps the slug.")
        .WithTags("Products")
        .RequireAuthorization(Policies.Admin);
}
