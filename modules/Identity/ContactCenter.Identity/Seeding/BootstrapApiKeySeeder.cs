using ContactCenter.Identity.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace ContactCenter.Identity.Seeding;

/// <summary>
/// <c>ContactCenter:Bootstrap:AdminApiKey</c>: when set, an admin API key with exactly this value exists after
/// start-up, so automation (and the tests) can act before anyone logs in.
/// </summary>
internal sealed class BootstrapApiKeySeeder(ContactCenterDbContext db, IConfiguration configuration, TimeProvider clock)
    : IStartupSeeder
{
    public int Order => 0;

    public async Task SeedAsync(SeedContext context, CancellationToken cancellationToken)
    {
        var key = configuration["ContactCenter:Bootstrap:AdminApiKey"];
        if (string.IsNullOrWhiteSpace(key))
        {
            return;
        }

        var hash = ApiKey.Hash(key);
        var existing = await db.Set<ApiKey>().FirstOrDefaultAsync(k => k.KeyHash == hash, cancellationToken);
        if (existing is not null)
        {
            // Configuration is the source of truth for this key: un-revoke and keep it admin.
            existing.RevokedAt = null;
            existing.Role = Role.Admin;
        }
        else
        {
            db.Set<ApiKey>().Add(new ApiKey
            {
                Name = "Bootstrap (from configuration)",
                Prefix = ApiKey.PrefixOf(key),
                KeyHash = hash,
                Role = Role.Admin,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
