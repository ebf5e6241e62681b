using ContactCenter.Kernel.Modules;
using ContactCenter.Queues.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Queues.Data;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.ToModuleTable(QueuesModule.ModuleName, "Teams");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.NormalizedName).HasMaxLength(100);
        builder.HasIndex(t => t.NormalizedName).IsUnique();
        builder.Property(t => t.Description).HasMaxLength(1000);
        builder.Property(t => t.RoutingMode).HasConversion<string>().HasMaxLength(20);
        // Members block deleting the team (the use case says so with a 409); channel links go with it.
        builder.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.ChannelAccounts).WithOne().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.ToModuleTable(QueuesModule.ModuleName, "TeamMembers");
        builder.HasKey(m => new { m.TeamId, m.UserId });
        builder.HasIndex(m => m.UserId);
    }
}

internal sealed class TeamChannelAccountConfiguration : IEntityTypeConfiguration<TeamChannelAccount>
{
    public void Configure(EntityTypeBuilder<TeamChannelAccount> builder)
    {
        builder.ToModuleTable(QueuesModule.ModuleName, "TeamChannelAccounts");
        builder.HasKey(c => new { c.TeamId, c.ChannelAccountId });
        builder.HasIndex(c => c.ChannelAccountId);
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToModuleTable(QueuesModule.ModuleName, "Products");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Slug).HasMaxLength(100);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Description).HasMaxLength(1000);
        builder.HasOne<Team>().WithMany().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgentProfileConfiguration : IEntityTypeConfiguration<AgentProfile>
{
    public void Configure(EntityTypeBuilder<AgentProfile> builder)
    {
        builder.ToModuleTable(QueuesModule.ModuleName, "Agents");
        builder.HasKey(a => a.UserId);
        builder.Property(a => a.UserId).ValueGeneratedNever();
        builder.Property(a => a.Presence).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(a => a.DisconnectedSince);
        builder.HasMany(a => a.Products).WithOne().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgentProductConfiguration : IEntityTypeConfiguration<AgentProduct>
{
    public void Configure(EntityTypeBuilder<AgentProduct> builder)
    {
        builder.ToModuleTable(QueuesModule.ModuleName, "AgentProducts");
        builder.HasKey(p => new { p.UserId, p.ProductId });
        builder.HasIndex(p => p.ProductId);
        builder.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
