using System.Security.Claims;
using ContactCenter.Kernel.Identity;

namespace ContactCenter.Host.Access;

/// <summary>
/// The caller of this scope. In an HTTP request it reads the request's principal; in a Blazor circuit
/// (no HttpContext) the UI sets <see cref="Principal"/> from the authentication state.
/// </summary>
internal sealed class CurrentUser(IHttpContextAccessor http, Lazy<ITeamMembership> membership) : ICurrentUser
{
    private ClaimsPrincipal? _principal;
    private string? _clientAddress;
    private (Guid UserId, IReadOnlyList<Guid> TeamIds)? _teams;

    public ClaimsPrincipal Principal
    {
        get => _principal ?? http.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());
        set => _principal = value;
    }

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true && UserId is not null;

    public Guid? UserId => Guid.TryParse(Principal.FindFirst(ClaimNames.UserId)?.Value, out var id) ? id : null;

    public string? DisplayName => Principal.FindFirst(ClaimNames.Name)?.Value;

    public Role? Role => Enum.TryParse<Role>(Principal.FindFirst(ClaimNames.Role)?.Value, ignoreCase: true, out var role)
        ? role
        : null;

    /// <summary>
    /// The request's peer; a Blazor circuit (no HttpContext of its own) sets it once from the connection that opened
    /// the circuit (<see cref="Ui.CircuitUseCases"/>).
    /// </summary>
    public string? ClientAddress
    {
        get => _clientAddress ?? http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        set => _clientAddress = value;
    }

    public bool IsApiKey => Principal.FindFirst(ClaimNames.AuthKind)?.Value == "apiKey";

    public async Task<IReadOnlyList<Guid>> GetTeamIdsAsync(CancellationToken cancellationToken)
    {
        if (!IsAuthenticated || IsApiKey || UserId is not { } userId)
        {
            return [];
        }

        if (_teams is { } known && known.UserId == userId)
        {
            return known.TeamIds;
        }

        var teamIds = await membership.Value.TeamIdsOfAsync(userId, cancellationToken);
        // Kept for the request. A Blazor circuit (principal set by the UI) lives for hours: it asks again each time, so
        // a change of teams shows without signing in again.
        if (_principal is null)
        {
            _teams = (userId, teamIds);
        }

        return teamIds;
    }
}
