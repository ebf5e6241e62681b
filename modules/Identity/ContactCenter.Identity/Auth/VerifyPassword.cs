using ContactCenter.Identity.Contracts;
using ContactCenter.Identity.Domain;
using ContactCenter.Identity.Users;
using ContactCenter.Kernel.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Identity.Auth;

/// <summary>Checks a login name and password, with lockout after repeated failures.</summary>
internal sealed class VerifyPassword(ContactCenterDbContext db, IPasswordHasher<User> hasher, TimeProvider clock)
{
    public async Task<LoginResult> HandleAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return new LoginResult(LoginOutcome.InvalidCredentials, null, null, null);
        }

        var name = UserRules.NormalizeUserName(userName);
        var user = await db.Set<User>().FirstOrDefaultAsync(u => u.UserName == name, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (user is null)
        {
            return new LoginResult(LoginOutcome.InvalidCredentials, null, null, null);
        }

        if (user.IsLockedOut(now))
        {
            return new LoginResult(LoginOutcome.LockedOut, null, null, user.LockedUntil);
        }

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            user.RecordFailedLogin(now);
            await db.SaveChangesAsync(cancellationToken);
            return user.IsLockedOut(now)
                ? new LoginResult(LoginOutcome.LockedOut, null, null, user.LockedUntil)
                : new LoginResult(LoginOutcome.InvalidCredentials, null, null, null);
        }

        if (!user.IsActive)
        {
            return new LoginResult(LoginOutcome.Deactivated, null, null, null);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
        }

        user.RecordSuccessfulLogin();
        await db.SaveChangesAsync(cancellationToken);
        return new LoginResult(LoginOutcome.Succeeded, user.ToSummary(), user.SecurityStamp, null);
    }
}
