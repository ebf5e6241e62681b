using ContactCenter.Kernel.Data;
using ContactCenter.Queues.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Queues.Settings;

/// <summary>Reads the stored routing settings; <see cref="RoutingSettingsDto.Defaults"/> until an admin saves them.</summary>
internal sealed class RoutingSettingsStore(ContactCenterDbContext db)
{
    public async Task<RoutingSettingsDto> LoadAsync(CancellationToken cancellationToken) =>
        (await db.Set<RoutingSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == RoutingSettings.SingletonId, cancellationToken))?.ToDto()
            ?? RoutingSettingsDto.Defaults;
}
