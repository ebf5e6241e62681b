namespace ContactCenter.Kernel.Identity;

/// <summary>
/// Who is calling: a user logged in to the UI or an integration using an API key. Modules use it for the
/// visibility rule (an agent sees only their own and their teams' unclaimed conversations).
/// </summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    /// <summary>The user's id; for an API key, the id of the key (it acts as a user of its role).</summary>
    Guid? UserId { get; }

    string? DisplayName { get; }

    Role? Role { get; }

    bool IsApiKey { get; }

    /// <summary>
    /// The client's address as the host resolved it (forwarded headers believed from known proxies only); null when
    /// no request is behind the call (a scheduled job). The audit log records it.
    /// </summary>
    string? ClientAddress => null;

    /// <summary>
    /// The teams the caller belongs to (as agent or supervisor), asked of <see cref="ITeamMembership"/> on first use and
    /// kept for the rest of the request; empty for an API key (keys belong to no team) or when nobody is signed in.
    /// </summary>
    Task<IReadOnlyList<Guid>> GetTeamIdsAsync(CancellationToken cancellationToken);
}

public static class CurrentUserExtensions
{
    public static bool IsAtLeast(this ICurrentUser user, Role role) => user.Role is { } r && r.Satisfies(role);
}
