using ContactCenter.Kernel.Audit;
using ContactCenter.Queues.Domain;

namespace ContactCenter.Queues.Products;

/// <summary>What the audit log keeps of a product: what a lead form link and routing depend on.</summary>
internal static class ProductAudit
{
    public static AuditTarget Target(Product product) => AuditTarget.Of("product", product.Id, product.Name);

    public static object Snapshot(Product product) => new
    {
        product.Name,
        product.Slug,
        product.Description,
        product.TeamId,
        product.IsActive,
    };
}
