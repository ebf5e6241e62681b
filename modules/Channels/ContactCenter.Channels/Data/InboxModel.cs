using ContactCenter.Channels.Inbox;
using ContactCenter.Kernel.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Channels.Data;

internal sealed class InboxEntryConfiguration : IEntityTypeConfiguration<InboxEntry>
{
    public void Configure(EntityTypeBuilder<InboxEntry> builder)
    {
        builder.ToModuleTable(ChannelsModule.ModuleName, "Inbox");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Query).HasMaxLength(2000);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Error).HasMaxLength(2000);
        // The processor's claim: pending rows, oldest first.
        builder.HasIndex(e => new { e.Status, e.ReceivedAt });
    }
}

internal sealed class ProcessedEventConfiguration : IEntityTypeConfiguration<ProcessedEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedEvent> builder)
    {
        builder.ToModuleTable(ChannelsModule.ModuleName, "ProcessedEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.IdempotencyKey).HasMaxLength(300);
        builder.HasIndex(e => new { e.ChannelAccountId, e.IdempotencyKey }).IsUnique();
    }
}
