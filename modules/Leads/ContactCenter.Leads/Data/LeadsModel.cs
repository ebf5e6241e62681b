using ContactCenter.Kernel.Modules;
using ContactCenter.Leads.Contacts;
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
        builder.Property(c => c.Phone).HasMaxLength(20);
        builder.Property(c => c.ProviderUserId).HasMaxLength(100);
        builder.Property(c => c.ProfileName).HasMaxLength(200);
        builder.Ignore(c => c.DisplayName);
        builder.HasIndex(c => c.Phone).IsUnique();
        builder.HasIndex(c => c.ProviderUserId).IsUnique();
    }
}
