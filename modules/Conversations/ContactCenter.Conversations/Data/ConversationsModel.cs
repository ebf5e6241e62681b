using ContactCenter.Conversations.Domain;
using ContactCenter.Kernel.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Conversations.Data;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.ToModuleTable(ConversationsModule.ModuleName, "Conversations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ContactName).HasMaxLength(200);
        builder.Property(c => c.ContactPhone).HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Mark).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(c => c.ContactId);
        builder.HasIndex(c => c.TeamId);
        builder.HasIndex(c => c.ProductId);
        builder.HasIndex(c => c.AssignedAgentId);
        // The list's keyset order (newest activity first, id breaks ties).
        builder.HasIndex(c => new { c.LastMessageAt, c.Id });
        // A deadline column: the window sweeper looks for rows whose window just closed.
        builder.HasIndex(c => c.WindowClosesAt);
        builder.Property(c => c.ContactReasonName).HasMaxLength(WrapUp.FinishConversation.MaxReason);
        builder.Property(c => c.FinishNote).HasMaxLength(WrapUp.FinishConversation.MaxNote);
        // The history's keyset order (latest finished first).
        builder.HasIndex(c => new { c.FinishedAt, c.Id });
    }
}
