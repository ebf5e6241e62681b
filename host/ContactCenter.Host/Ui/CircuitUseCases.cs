using ContactCenter.Host.Access;
using ContactCenter.Kernel.Ui;
using Microsoft.AspNetCore.Components.Authorization;

namespace ContactCenter.Host.Ui;

/// <summary>
/// One per circuit. Each call gets its own DI scope (a fresh DbContext: a circuit lives for hours and must not
/// keep one unit of work) whose current user is the circuit's user, then runs the same handler as the API.
/// </summary>
internal sealed class CircuitUseCases(IServiceScopeFactory scopes, AuthenticationStateProvider authentication, IHttpContextAccessor http) : IUseCases
{
    // Made with the circuit, while the connection that opened it is still the current request: its peer is the browser's.
    private readonly string? _clientAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public async Task<TResult> RunAsync<THandler, TResult>(Func<THandler, Task<TResult>> action)
        where THandler : notnull
    {
        var state = await authentication.GetAuthenticationStateAsync();
        await using var scope = scopes.CreateAsyncScope();
        var caller = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        caller.Principal = state.User;
        caller.ClientAddress = _clientAddress;
        var handler = scope.ServiceProvider.GetRequiredService<THandler>();
        return await action(handler);
    }
}
