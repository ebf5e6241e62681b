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

internal static class CreateProduct
{
    /// <summary>Without a slug one is made from the name.</summary>
    internal sealed record Request(string? Name, string? Slug = null, string? Description = null, Guid? TeamId = null, bool IsActive = true);

    internal sealed class Handler(ContactCenterDbContext db, TimeProvider clock, IAuditLog audit)
    {
        public async Task<Result<ProductDto>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            var validator = new Validator();
            ProductRules.CheckName(validator, request.Name);
            ProductRules.CheckDescription(validator, request.Description);
            var slug = string.IsNullOrWhiteSpace(request.Slug)
                ? ProductRules.Slugify(request.Name ?? string.Empty)
                : request.Slug.Trim();
            if (!string.IsNullOrWhiteSpace(request.Slug) || !string.IsNullOrWhiteSpace(request.Name))
            {
                ProductRules.CheckSlug(validator, slug);
            }

            validator.Check(request.TeamId is not null, "teamId", "Choose the team that serves this product.");
            if (request.TeamId is { } teamId && !await db.Set<Team>().AnyAsync(t => t.Id == teamId, cancellationToken))
            {
                validator.Add("teamId", "There is no such team.");
            }

            if (!validator.IsValid)
            {
                return validator.ToError();
            }

            if (await db.Set<Product>().AnyAsync(p => p.Slug == slug, cancellationToken))
            {
                return ProductRules.SlugTaken(slug);
            }

            var product = new Product
            {
                Name = request.Name!.Trim(),
                Slug = slug,
                Description = ProductRules.CleanDescription(request.Description),
                TeamId = request.TeamId!.Value,
                IsActive = request.IsActive,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Set<Product>().Add(product);
            audit.Record("product.created", ProductAudit.Target(product), after: ProductAudit.Snapshot(product));
            await db.SaveChangesAsync(cancellationToken);
            return product.ToDto();
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/products", async Task<Results<Created<ProductDto>, ProblemHttpResult>> (Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(request, ct)).ToHttp(product => TypedResults.Created($"/api/v1/products/{product.Id}", product)))
        .WithName("CreateProduct")
        .WithSummary("Create a product")
        .WithDescription("Name, optional slug (made from the name when left out: 'Residencial Jardim' → 'residencial-jardim'), description, serving team and whether it is active.")
        .WithTags("Products")
        .RequireAuthorization(Policies.Admin);
}
