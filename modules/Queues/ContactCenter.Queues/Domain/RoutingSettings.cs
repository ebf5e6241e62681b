using ContactCenter.Kernel.Modules;
using ContactCenter.Queues.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Queues.Settings;

/// <summary>The routing timers as an admin saved them: one row, absent until the first save (defaults apply).</summary>
internal sealed class RoutingSettings
{
    // A fixed key rather than a Guid: two nodes saving for the first time at once collide on it instead of leaving two rows.
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;

    public int BacklogRoundSeconds { get; set; }

    public int FirstResponseTimeoutSeconds { get; set; }

    public int UnansweredLeadMinutes { get; set; }

    public int AwayAfterDisconnectSeconds { get; set; }

    public DateTime UpdatedAt { get; set; }

    public RoutingSettingsDto ToDto() =>
        new(BacklogRoundSeconds, FirstResponseTimeoutSeconds, UnansweredLeadMinutes, AwayAfterDisconnectSeconds);
}

internal sealed class RoutingSettingsConfiguration : IEntityTypeConfiguration<RoutingSettings>
{
    public void Configure(EntityTypeBuilder<RoutingSettings> builder)
    {
        builder.ToModuleTable(QueuesModule.ModuleName, "RoutingSettings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}
