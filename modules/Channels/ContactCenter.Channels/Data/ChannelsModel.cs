using ContactCenter.Channels.Domain;
using ContactCenter.Kernel.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Channels.Data;

internal sealed class ChannelAccountConfiguration : IEntityTypeConfiguration<ChannelAccount>
{
    public void Configure(EntityTypeBuilder<ChannelAccount> builder)
    {
        builder.ToModuleTable(ChannelsModule.ModuleName, "ChannelAccounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.PluginId).HasMaxLength(100);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.HasIndex(a => a.Name).IsUnique();
    }
}
