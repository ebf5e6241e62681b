using ContactCenter.Kernel.Modules;
using ContactCenter.Leads.Contacts;
using ContactCenter.Leads.Intake;
using ContactCenter.Leads.Tasks;
using ContactCenter.Leads.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Leads.Data;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToModuleTable(LeadsModule.ModuleName, "Contacts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.Phone).HasMaxLength(20);
        builder.Property(c => c.Cpf).HasMaxLength(11);
        builder.Property(c => c.ProviderUserId).HasMaxLength(100);
        builder.Property(c => c.ProfileName).HasMaxLength(200);
        builder.Property(c => c.Temperature).HasMaxLength(10);
        builder.Ignore(c => c.DisplayName);
        builder.HasIndex(c => c.Phone).IsUnique();
        builder.HasIndex(c => c.ProviderUserId).IsUnique();
        builder.HasIndex(c => c.Email).IsUnique();
        builder.HasIndex(c => c.TeamId);
        builder.HasIndex(c => c.OwnerAgentId);
    }
}

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> builder)
    {
        builder.ToModuleTable(LeadsModule.ModuleName, "Leads");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Source).HasMaxLength(20);
        builder.Property(l => l.Code).HasMaxLength(10);
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.Email).HasMaxLength(254);
        builder.Property(l => l.Phone).HasMaxLength(20);
        builder.Property(l => l.ReturningReason).HasMaxLength(500);
        builder.HasIndex(l => l.Code).IsUnique();
        builder.HasIndex(l => l.ContactId);
        // The sweeper's question: due, not reached, no task yet.
        builder.HasIndex(l => l.WhatsAppDueAt);
    }
}

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> builder)
    {
        builder.ToModuleTable(LeadsModule.ModuleName, "TimelineEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasMaxLength(40);
        builder.Property(e => e.Text).HasMaxLength(1000);
        builder.HasIndex(e => new { e.ContactId, e.At });
        builder.HasIndex(e => e.ConversationId);
    }
}

internal sealed class LeadTaskConfiguration : IEntityTypeConfiguration<LeadTask>
{
    public void Configure(EntityTypeBuilder<LeadTask> builder)
    {
        builder.ToModuleTable(LeadsModule.ModuleName, "Tasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Status).HasMaxLength(20);
        builder.Property(t => t.Note).HasMaxLength(1000);
        builder.HasIndex(t => t.LeadId).IsUnique();
        builder.HasIndex(t => t.ContactId);
        builder.HasIndex(t => new { t.Status, t.AssignedAgentId });
    }
}
