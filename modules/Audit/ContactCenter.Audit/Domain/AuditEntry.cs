namespace ContactCenter.Audit.Domain;

/// <summary>
/// One recorded action. Append-only: every property is init-only and no use case changes or deletes an entry.
/// </summary>
internal sealed class AuditEntry
{
    public Guid Id { get; init; }
    public DateTime At { get; init; }

    /// <summary><c>user</c>, <c>apiKey</c>, <c>anonymous</c> (a login hold) or <c>system</c> (no caller).</summary>
    public required string ActorKind { get; init; }
    public Guid? ActorId { get; init; }
    public required string ActorName { get; init; }

    /// <summary>The client's address as the host resolved it (forwarded headers only from known proxies).</summary>
    public string? ClientAddress { get; init; }
    public required string Action { get; init; }
    public required string TargetKind { get; init; }
    public required string TargetId { get; init; }
    public string? TargetLabel { get; init; }

    /// <summary>The changed fields as JSON, <c>[{field, before, after}]</c>; secrets already masked.</summary>
    public required string Changes { get; init; }
}
