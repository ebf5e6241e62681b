using ContactCenter.Chatbot.Domain;
using ContactCenter.Kernel.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Chatbot.Data;

internal sealed class BotTriggerConfiguration : IEntityTypeConfiguration<BotTrigger>
{
    public void Configure(EntityTypeBuilder<BotTrigger> builder)
    {
        builder.ToModuleTable(ChatbotModule.ModuleName, "Triggers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Description).HasMaxLength(TriggerRules.MaxDescription);
        builder.Property(t => t.IdleComparison).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Keywords).HasMaxLength(TriggerRules.MaxKeywords);
        builder.Property(t => t.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Message).HasMaxLength(TriggerRules.MaxMessage);
        builder.HasIndex(t => t.Position);
    }
}

internal sealed class BotSettingsConfiguration : IEntityTypeConfiguration<BotSettings>
{
    public void Configure(EntityTypeBuilder<BotSettings> builder)
    {
        builder.ToModuleTable(ChatbotModule.ModuleName, "Settings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.WelcomeMessage).HasMaxLength(TriggerRules.MaxMessage);
        builder.Property(s => s.OutsideHoursMessage).HasMaxLength(TriggerRules.MaxMessage);
        builder.Property(s => s.TimeZone).HasMaxLength(64);
        builder.Property(s => s.BusinessHoursJson).HasMaxLength(20000);
    }
}

internal sealed class BotSessionConfiguration : IEntityTypeConfiguration<BotSession>
{
    public void Configure(EntityTypeBuilder<BotSession> builder)
    {
        builder.ToModuleTable(ChatbotModule.ModuleName, "Sessions");
        builder.HasKey(s => s.ConversationId);
        builder.Property(s => s.ConversationId).ValueGeneratedNever();
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.LastInboundText).HasMaxLength(8000);
        // The sweep: active sessions whose "more than N hours" moment has come.
        builder.HasIndex(s => new { s.State, s.DueAt });
    }
}

internal sealed class BotLogEntryConfiguration : IEntityTypeConfiguration<BotLogEntry>
{
    public void Configure(EntityTypeBuilder<BotLogEntry> builder)
    {
        builder.ToModuleTable(ChatbotModule.ModuleName, "Log");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasMaxLength(30);
        builder.Property(e => e.TriggerDescription).HasMaxLength(TriggerRules.MaxDescription);
        builder.Property(e => e.ArgsJson).HasMaxLength(10000);
        builder.Property(e => e.VerdictsJson).HasMaxLength(40000);
        builder.HasIndex(e => new { e.ConversationId, e.Position }).IsUnique();
    }
}
