namespace ContactCenter.Queues.Domain;

internal sealed class Product
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>Lower-case, url-safe and unique: it names the product in public lead-form URLs.</summary>
    public required string Slug { get; set; }

    public string? Description { get; set; }

    /// <summary>The team that serves the product.</summary>
    public Guid TeamId { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; init; }
}
