using ContactCenter.Conversations.Media;
using ContactCenter.Conversations.Messages;
using ContactCenter.Kernel.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Conversations.Data;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToModuleTable(ConversationsModule.ModuleName, "Messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Direction).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Type).HasMaxLength(20);
        builder.Property(m => m.Text).HasMaxLength(8000);
        builder.Property(m => m.ProviderMessageId).HasMaxLength(200);
        builder.Property(m => m.Status).HasMaxLength(20);
        builder.Property(m => m.ErrorCode).HasMaxLength(50);
        builder.Property(m => m.ErrorText).HasMaxLength(1000);
        builder.Property(m => m.ReplyToProviderMessageId).HasMaxLength(200);
        builder.Property(m => m.TargetProviderMessageId).HasMaxLength(200);
        builder.Property(m => m.Reaction).HasMaxLength(50);
        // A provider message id names one message per account: a redelivery can never add a second.
        builder.HasIndex(m => new { m.ChannelAccountId, m.ProviderMessageId }).IsUnique();
        // A conversation's history in order (keyset pages).
        builder.HasIndex(m => new { m.ConversationId, m.CreatedAt, m.Id });
        // A reaction, edit or revoke that arrived before its target is applied when the target arrives.
        builder.HasIndex(m => m.TargetProviderMessageId);
    }
}

internal sealed class MessageEditConfiguration : IEntityTypeConfiguration<MessageEdit>
{
    public void Configure(EntityTypeBuilder<MessageEdit> builder)
    {
        builder.ToModuleTable(ConversationsModule.ModuleName, "MessageEdits");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.PreviousText).HasMaxLength(8000);
        builder.HasIndex(e => e.MessageId);
    }
}

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> builder)
    {
        builder.ToModuleTable(ConversationsModule.ModuleName, "Media");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.ProviderMediaId).HasMaxLength(200);
        builder.Property(m => m.ProviderUrl).HasMaxLength(2000);
        builder.Property(m => m.MimeType).HasMaxLength(100);
        builder.Property(m => m.Sha256).HasMaxLength(100);
        builder.Property(m => m.Caption).HasMaxLength(8000);
        builder.Property(m => m.FileName).HasMaxLength(255);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.StoragePath).HasMaxLength(300);
        builder.Property(m => m.Error).HasMaxLength(1000);
        builder.HasIndex(m => m.MessageId);
        // The fetcher's sweep: pending downloads that are due.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}
