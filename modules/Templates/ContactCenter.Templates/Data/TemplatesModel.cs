using ContactCenter.Kernel.Modules;
using ContactCenter.Templates.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Templates.Data;

internal sealed class TemplateConfiguration : IEntityTypeConfiguration<Template>
{
    public void Configure(EntityTypeBuilder<Template> builder)
    {
        builder.ToModuleTable(TemplatesModule.ModuleName, "Templates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(512);
        builder.Property(t => t.Language).HasMaxLength(20);
        builder.Property(t => t.Category).HasMaxLength(20);
        builder.Property(t => t.HeaderText).HasMaxLength(60);
        builder.Property(t => t.HeaderExample).HasMaxLength(200);
        builder.Property(t => t.Body).HasMaxLength(1024);
        builder.Property(t => t.Footer).HasMaxLength(60);
        builder.Property(t => t.Status).HasMaxLength(20);
        builder.Property(t => t.Reason).HasMaxLength(1000);
        builder.Property(t => t.ProviderTemplateId).HasMaxLength(100);
        builder.HasIndex(t => new { t.ChannelAccountId, t.Name, t.Language }).IsUnique();
        builder.HasIndex(t => t.ProviderTemplateId);
    }
}

internal sealed class TemplateSendConfiguration : IEntityTypeConfiguration<TemplateSend>
{
    public void Configure(EntityTypeBuilder<TemplateSend> builder)
    {
        builder.ToModuleTable(TemplatesModule.ModuleName, "Sends");
        builder.HasKey(s => s.MessageId);
        builder.Property(s => s.MessageId).ValueGeneratedNever();
        builder.HasIndex(s => s.Day);
    }
}
