using ContactCenter.Audit.Domain;
using ContactCenter.Kernel.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Audit.Data;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToModuleTable(AuditModule.ModuleName, "Entries");
        // The database refuses UPDATE and DELETE (migration AuditAppendOnly). Telling EF so keeps it from using OUTPUT
        // (SQL Server) or RETURNING (SQLite) on this table, which triggers do not allow or may mislead.
        builder.ToTable(t => t.HasTrigger("Audit_Entries_append_only"));
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
