using ContactCenter.Kernel.Modules;
using ContactCenter.Tickets.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Tickets.Data;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToModuleTable(TicketsModule.ModuleName, "Tickets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Title).HasMaxLength(TicketRules.MaxTitle);
        builder.Property(t => t.Description).HasMaxLength(TicketRules.MaxDescription);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Priority).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.ContactName).HasMaxLength(200);
        builder.Property(t => t.ContactPhone).HasMaxLength(32);
        builder.Property(t => t.CreatedByName).HasMaxLength(200);
        builder.HasIndex(t => t.Number).IsUnique();
        builder.HasIndex(t => new { t.TeamId, t.Status });
        builder.HasIndex(t => t.ContactId);
        builder.HasIndex(t => t.ConversationId);
    }
}

internal sealed class TicketMessageConfiguration : IEntityTypeConfiguration<TicketMessage>
{
    public void Configure(EntityTypeBuilder<TicketMessage> builder)
    {
        builder.ToModuleTable(TicketsModule.ModuleName, "Messages");
        builder.HasKey(m => new { m.TicketId, m.MessageId });
        builder.HasIndex(m => m.ConversationId);
    }
}

internal sealed class TicketChangeConfiguration : IEntityTypeConfiguration<TicketChange>
{
    public void Configure(EntityTypeBuilder<TicketChange> builder)
    {
        builder.ToModuleTable(TicketsModule.ModuleName, "Changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ByName).HasMaxLength(200);
        builder.Property(c => c.Field).HasMaxLength(20);
        builder.Property(c => c.From).HasMaxLength(TicketRules.MaxChangeValue);
        builder.Property(c => c.To).HasMaxLength(TicketRules.MaxChangeValue);
        builder.HasIndex(c => new { c.TicketId, c.Position }).IsUnique();
    }
}

internal sealed class TicketNumberingConfiguration : IEntityTypeConfiguration<TicketNumbering>
{
    public void Configure(EntityTypeBuilder<TicketNumbering> builder)
    {
        builder.ToModuleTable(TicketsModule.ModuleName, "Numbering");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
    }
}
