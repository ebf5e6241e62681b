namespace ContactCenter.Queues.Contracts;

/// <summary>What a lead is interested in; <see cref="Slug"/> names it in URLs (public lead forms).</summary>
public sealed record ProductDto(
    Guid Id,
    string Name,
    string Slug,
    string? Description,
    Guid TeamId,
    bool IsActive,
    DateTime CreatedAt);
