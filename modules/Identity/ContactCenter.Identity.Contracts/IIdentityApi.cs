using ContactCenter.Kernel.Identity;

namespace ContactCenter.Identity.Contracts;

/// <summary>What other modules and the host may ask the Identity module (users, logins, API keys).</summary>
public interface IIdentityApi
{
    /// <summary>
    /// Checks a login in the current HTTP request: failures are throttled per name and client address (a browser the
    /// user logged in from before is not held), and a success marks this browser as known.
    /// </summary>
    Task<LoginResult> VerifyPasswordAsync(string userName, string password, CancellationToken cancellationToken);

    /// <summary>The key's identity, or null when it is unknown or revoked.</summary>
    Task<ApiKeyIdentity?> AuthenticateApiKeyAsync(string key, CancellationToken cancellationToken);

    /// <summary>False once the user is deactivated or their stamp moved (password or role changed).</summary>
    Task<bool> IsSessionValidAsync(Guid userId, string securityStamp, CancellationToken cancellationToken);

    Task<UserSummary?> FindUserAsync(Guid userId, CancellationToken cancellationToken);

    Task<UserSummary?> FindUserByNameAsync(string userName, CancellationToken cancellationToken);

    Task<IReadOnlyList<UserSummary>> ListUsersAsync(CancellationToken cancellationToken);

    /// <summary>The users with these ids (unknown ids are left out), for callers that need a few names, not everyone.</summary>
    Task<IReadOnlyList<UserSummary>> FindUsersAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);
}

public sealed record UserSummary(Guid Id, string UserName, string DisplayName, string? Email, Role Role, bool IsActive);

public sealed record ApiKeyIdentity(Guid Id, string Name, Role Role);

/// <summary>The outcome of a login; <see cref="Message"/> is safe to show on the login page.</summary>
public sealed record LoginResult(LoginOutcome Outcome, UserSummary? User, string? SecurityStamp)
{
    public bool Succeeded => Outcome == LoginOutcome.Succeeded;
}

public enum LoginOutcome
{
    Succeeded,

    /// <summary>Unknown name, wrong password or an attempt held by the throttle: deliberately one outcome.</summary>
    InvalidCredentials,
    Deactivated,
}
