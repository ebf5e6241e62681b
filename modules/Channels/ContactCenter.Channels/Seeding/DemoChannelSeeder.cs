using ContactCenter.Channels.Contracts;
using ContactCenter.Channels.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Startup;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Channels.Seeding;

/// <summary>A sandbox channel, so a newcomer can try conversations without a WhatsApp number.</summary>
internal sealed class DemoChannelSeeder(ContactCenterDbContext db, IChannelPluginCatalog catalog, TimeProvider clock) : IStartupSeeder
{
    public const string PluginId = "sandbox";
    public const string AccountName = "Sandbox (demonstração)";

    public int Order => 30;

    public async Task SeedAsync(SeedContext context, CancellationToken cancellationToken)
    {
        if (!context.SeedDemoData || await db.Set<ChannelAccount>().AnyAsync(cancellationToken))
        {
            return;
        }

        if (catalog.Find(PluginId) is not { IsLoaded: true })
        {
            context.Report.Add($"  Demo channel: none (the '{PluginId}' plugin is not loaded; see /admin/plugins).");
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var account = new ChannelAccount { PluginId = PluginId, Name = AccountName, CreatedAt = now, UpdatedAt = now };
        db.Set<ChannelAccount>().Add(account);
        await db.SaveChangesAsync(cancellationToken);
        context.Report.Add($"  Demo channel: {AccountName} (id {account.Id}).");
    }
}
