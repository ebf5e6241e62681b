using ContactCenter.Kernel.Data;
using ContactCenter.Queues.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Queues.Settings;

/// <summary>
/// Reads the stored routing settings; <see cref="RoutingSettingsDto.Defaults"/> until an admin saves them. Once per unit
/// of work: an inbox batch routes every new conversation with them, and each read was a query.
/// </summary>
internal sealed class RoutingSettingsStore(ContactCenterDbContext db)
{
    private RoutingSettingsDto? _loaded;

    public async Task<RoutingSettingsDto> LoadAsync(CancellationToken cancellationToken) =>
        _loaded ??= (await db.Set<RoutingSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == RoutingSettings.SingletonId, cancellationToken))?.ToDto()
            ?? RoutingSettingsDto.Defaults;
}
