using ContactCenter.Identity.Auth;
using ContactCenter.Identity.Contracts;
using ContactCenter.Identity.Domain;
using ContactCenter.Identity.Users;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Identity;

internal sealed class IdentityApi(ContactCenterDbContext db, VerifyPassword verifyPassword, TimeProvider clock) : IIdentityApi
{
    public Task<LoginResult> VerifyPasswordAsync(string userName, string password, CancellationToken cancellationToken) =>
        verifyPassword.HandleAsync(userName, password, cancellationToken);

    public async Task<ApiKeyIdentity?> AuthenticateApiKeyAsync(string key, CancellationToken cancellationToken)
    {
        var hash = ApiKey.Hash(key);
        var apiKey = await db.Set<ApiKey>().FirstOrDefaultAsync(k => k.KeyHash == hash, cancellationToken);
        if (apiKey is null || apiKey.IsRevoked)
        {
            return null;
        }

        // Written at most once a minute: busy integrations should not turn every read into a write.
        var now = clock.GetUtcNow().UtcDateTime;
        if (apiKey.LastUsedAt is null || now - apiKey.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            apiKey.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ApiKeyIdentity(apiKey.Id, apiKey.Name, apiKey.Role);
    }

    public Task<bool> IsSessionValidAsync(Guid userId, string securityStamp, CancellationToken cancellationToken) =>
        db.Set<User>().AnyAsync(u => u.Id == userId && u.IsActive && u.SecurityStamp == securityStamp, cancellationToken);

    public async Task<UserSummary?> FindUserAsync(Guid userId, CancellationToken cancellationToken) =>
        (await db.Set<User>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken))?.ToSummary();

    public async Task<UserSummary?> FindUserByNameAsync(string userName, CancellationToken cancellationToken)
    {
        var name = UserRules.NormalizeUserName(userName);
        return (await db.Set<User>().AsNoTracking().FirstOrDefaultAsync(u => u.UserName == name, cancellationToken))?.ToSummary();
    }

    public async Task<IReadOnlyList<UserSummary>> FindUsersAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        userIds.Count == 0
            ? []
            : (await db.Set<User>().AsNoTracking().Where(u => userIds.Contains(u.Id)).ToListAsync(cancellationToken)).Select(u => u.ToSummary()).ToList();

    public async Task<IReadOnlyList<UserSummary>> ListUsersAsync(CancellationToken cancellationToken) =>
        (await db.Set<User>().AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(cancellationToken))
            .Select(u => u.ToSummary())
            .ToList();
}
