using System.Security.Claims;
using ContactCenter.Kernel.Identity;

namespace ContactCenter.Host.Access;

/// <summary>
/// The caller of this scope. In an HTTP request it reads the request's principal; in a Blazor circuit
/// (no HttpContext) the UI sets <see cref="Principal"/> from the authentication state.
/// </summary>
internal sealed class CurrentUser(IHttpContextAccessor http) : ICurrentUser
{
    private ClaimsPrincipal? _principal;

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

    public bool IsApiKey => Principal.FindFirst(ClaimNames.AuthKind)?.Value == "apiKey";
}
