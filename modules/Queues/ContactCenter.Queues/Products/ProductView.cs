using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Domain;

namespace ContactCenter.Queues.Products;

internal static class ProductView
{
    public static ProductDto ToDto(this Product product) =>
        new(product.Id, product.Name, product.Slug, product.Description, product.TeamId, product.IsActive, product.CreatedAt);
}
