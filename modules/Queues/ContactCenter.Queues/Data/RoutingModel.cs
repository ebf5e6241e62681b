using ContactCenter.Kernel.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Queues.Routing;

internal sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    public void Configure(EntityTypeBuilder<WorkItem> builder)
    {
        builder.ToModuleTable(QueuesModule.ModuleName, "WorkItems");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.HasIndex(w => new { w.Kind, w.SubjectId }).IsUnique();
        builder.HasIndex(w => new { w.State, w.WaitingSince });
        builder.HasIndex(w => w.AssignedAgentId);
        builder.HasIndex(w => w.FirstResponseDueAt);
    }
}

internal sealed class RoutingDecisionConfiguration : IEntityTypeConfiguration<RoutingDecisionEntry>
{
    public void Configure(EntityTypeBuilder<RoutingDecisionEntry> builder)
    {
        builder.ToModuleTable(QueuesModule.ModuleName, "RoutingDecisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Rule).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.Explanation).HasMaxLength(2000);
        builder.HasIndex(d => d.SubjectId);
        builder.HasIndex(d => d.WorkItemId);
    }
}
