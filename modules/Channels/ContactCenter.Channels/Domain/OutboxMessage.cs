using ContactCenter.Kernel.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Channels.Outbound;

internal enum OutboxStatus
{
    Pending,
    Sending,
    Accepted,
    Failed,
}

/// <summary>
/// One message waiting for (or done with) the sender. <see cref="NextAttemptAt"/> is when it is due: for a
/// pending row its next try, for a sending row the end of its lease (a sender that crashed mid-send lets the
/// row fall due again), so one index serves the due-row scan.
/// </summary>
internal sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid HostMessageId { get; init; }

    public Guid ChannelAccountId { get; init; }

    public string? RecipientPhone { get; init; }

    public string? RecipientUserId { get; init; }

    public required string ContentType { get; init; }

    public required string ContentJson { get; init; }

    /// <summary>0 for messages; 1 for read receipts, sent after the messages that are due.</summary>
    public int Priority { get; init; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTime? LeaseUntil { get; set; }

    public string? ProviderMessageId { get; set; }

    public string? LastErrorKind { get; set; }

    public string? LastErrorCode { get; set; }

    public string? LastErrorText { get; set; }

    /// <summary>Stable code of the plain words shown for the last error (see OutboundReasons).</summary>
    public string? ReasonCode { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToModuleTable(ChannelsModule.ModuleName, "Outbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.RecipientPhone).HasMaxLength(32);
        builder.Property(m => m.RecipientUserId).HasMaxLength(200);
        builder.Property(m => m.ContentType).HasMaxLength(20);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.LeaseOwner).HasMaxLength(100);
        builder.Property(m => m.ProviderMessageId).HasMaxLength(200);
        builder.Property(m => m.LastErrorKind).HasMaxLength(30);
        builder.Property(m => m.LastErrorCode).HasMaxLength(100);
        builder.Property(m => m.LastErrorText).HasMaxLength(2000);
        builder.Property(m => m.ReasonCode).HasMaxLength(50);
        builder.HasIndex(m => m.HostMessageId).IsUnique();
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}
