using ContactCenter.Identity.Contracts;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace ContactCenter.Host.Ui;

/// <summary>
/// The cookie is checked on every HTTP request, but a circuit stays open for hours: re-check the session every
/// few minutes so a deactivated user, or one whose password or role changed, loses the open UI too.
/// </summary>
internal sealed class SessionRevalidatingStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(2);

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState.User;
        if (user.FindFirst(ClaimNames.AuthKind)?.Value != "user")
        {
            return user.Identity?.IsAuthenticated != true;
        }

        if (!Guid.TryParse(user.FindFirst(ClaimNames.UserId)?.Value, out var userId)
            || user.FindFirst(ClaimNames.SecurityStamp)?.Value is not { } stamp)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var identity = scope.ServiceProvider.GetRequiredService<IIdentityApi>();
        return await identity.IsSessionValidAsync(userId, stamp, cancellationToken);
    }
}
