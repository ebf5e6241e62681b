using ContactCenter.Kernel.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Audit.Data;

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

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToModuleTable(AuditModule.ModuleName, "Entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ActorKind).HasMaxLength(20);
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.TargetKind).HasMaxLength(40);
        builder.Property(e => e.TargetId).HasMaxLength(200);
        builder.Property(e => e.TargetLabel).HasMaxLength(200);
        builder.Property(e => e.Changes).HasMaxLength(20000);
        builder.HasIndex(e => new { e.At, e.Id });
        builder.HasIndex(e => new { e.TargetKind, e.At });
        builder.HasIndex(e => new { e.Action, e.At });
    }
}
