using ContactCenter.Conversations.WrapUp;
using ContactCenter.Kernel.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Conversations.Data;

internal sealed class ContactReasonConfiguration : IEntityTypeConfiguration<ContactReason>
{
    public void Configure(EntityTypeBuilder<ContactReason> builder)
    {
        builder.ToModuleTable(ConversationsModule.ModuleName, "ContactReasons");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(ContactReason.MaxName);
        builder.HasIndex(r => r.Name).IsUnique();
    }
}
