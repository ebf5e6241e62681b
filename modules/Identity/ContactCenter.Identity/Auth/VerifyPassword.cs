using ContactCenter.Identity.Contracts;
using ContactCenter.Identity.Domain;
using ContactCenter.Identity.Users;
using ContactCenter.Kernel.Audit;
using ContactCenter.Kernel.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Identity.Auth;

/// <summary>
/// Checks a login name and password, throttled where the failures come from (<see cref="LoginThrottle"/>). An unknown
/// name, a wrong password and a held attempt look the same to the caller: same outcome, and each costs one password
/// hash, so neither the answer nor its time tells which names exist.
/// </summary>
internal sealed class VerifyPassword(
    ContactCenterDbContext db,
    IPasswordHasher<User> hasher,
    LoginThrottle throttle,
    KnownBrowsers browsers,
    IHttpContextAccessor http,
    IAuditLog audit)
{
    /// <summary>Compared against when there is no real hash to check, so every refusal costs the same work.</summary>
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<User>().HashPassword(new User { UserName = "nobody", DisplayName = "nobody" }, Guid.NewGuid().ToString("N")));

    private static readonly LoginResult Refused = new(LoginOutcome.InvalidCredentials, null, null);

    public async Task<LoginResult> HandleAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return Refused;
        }

        var name = UserRules.NormalizeUserName(userName);
        var context = http.HttpContext;
        var source = new LoginSource(name, context?.Connection.RemoteIpAddress?.ToString() ?? "unknown", browsers.IsKnownFor(context, name));
        if (throttle.IsHeld(source))
        {
            SpendAHash(password);
            return Refused;
        }

        var user = await db.Set<User>().FirstOrDefaultAsync(u => u.UserName == name, cancellationToken);
        if (user is null)
        {
            SpendAHash(password);
            await RecordFailureAsync(source, cancellationToken);
            return Refused;
        }

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            await RecordFailureAsync(source, cancellationToken);
            return Refused;
        }

        throttle.RecordSuccess(source);
        if (!user.IsActive)
        {
            return new LoginResult(LoginOutcome.Deactivated, null, null);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
            await db.SaveChangesAsync(cancellationToken);
        }

        browsers.Remember(context, name);
        return new LoginResult(LoginOutcome.Succeeded, user.ToSummary(), user.SecurityStamp);
    }

    /// <summary>Counts the failure; each hold it starts goes to the audit log (finding 1: every throttle is recorded).</summary>
    private async Task RecordFailureAsync(LoginSource source, CancellationToken cancellationToken)
    {
        foreach (var hold in throttle.RecordFailure(source))
        {
            await audit.RecordAnonymousAsync(
                hold.SecurityEvent == "address_throttled" ? "login.addressThrottled" : "login.throttled",
                new AuditTarget("login", source.UserName, source.UserName),
                new { hold.Failures, hold.HeldUntil, KnownBrowser = source.KnownBrowser },
                cancellationToken);
        }
    }

    private void SpendAHash(string password) =>
        _ = hasher.VerifyHashedPassword(new User { UserName = "nobody", DisplayName = "nobody" }, DummyHash.Value, password);
}
