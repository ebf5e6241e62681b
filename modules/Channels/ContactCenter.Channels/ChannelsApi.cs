using ContactCenter.Channels.Accounts;
using ContactCenter.Channels.Contracts;
using ContactCenter.Channels.Domain;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Channels;

internal sealed class ChannelsApi(ContactCenterDbContext db, IChannelPluginCatalog catalog, ChannelSecrets secrets) : IChannelsApi
{
    public async Task<IReadOnlyList<ChannelAccountSummary>> ListAccountsAsync(CancellationToken cancellationToken) =>
        await db.Set<ChannelAccount>().AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new ChannelAccountSummary(a.Id, a.PluginId, a.Name, a.CreatedAt, a.UpdatedAt))
            .ToListAsync(cancellationToken);

    public async Task<ChannelAccountSummary?> FindAccountAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Set<ChannelAccount>().AsNoTracking().Where(a => a.Id == id)
            .Select(a => new ChannelAccountSummary(a.Id, a.PluginId, a.Name, a.CreatedAt, a.UpdatedAt))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<ChannelAccountSettings?> GetSettingsAsync(Guid id, CancellationToken cancellationToken)
    {
        var account = await db.Set<ChannelAccount>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return null;
        }

        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var setting in catalog.Find(account.PluginId)?.Manifest?.Settings ?? [])
        {
            if (setting.Default is { Length: > 0 } value)
            {
                settings[setting.Key] = value;
            }
        }

        foreach (var (key, value) in ChannelAccountView.ReadPlain(account).Concat(secrets.Unprotect(account.Id, account.ProtectedSecrets)))
        {
            settings[key] = value;
        }

        return new ChannelAccountSettings(
            new ChannelAccountSummary(account.Id, account.PluginId, account.Name, account.CreatedAt, account.UpdatedAt),
            settings);
    }
}
