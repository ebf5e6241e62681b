using ContactCenter.Host.Access;
using ContactCenter.Kernel.Ui;
using Microsoft.AspNetCore.Components.Authorization;

namespace ContactCenter.Host.Ui;

/// <summary>
/// One per circuit. Each call gets its own DI scope (a fresh DbContext: a circuit lives for hours and must not
/// keep one unit of work) whose current user is the circuit's user, then runs the same handler as the API.
/// </summary>
internal sealed class CircuitUseCases(IServiceScopeFactory scopes, AuthenticationStateProvider authentication) : IUseCases
{
    public async Task<TResult> RunAsync<THandler, TResult>(Func<THandler, Task<TResult>> action)
        where THandler : notnull
    {
        var state = await authentication.GetAuthenticationStateAsync();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = state.User;
        var handler = scope.ServiceProvider.GetRequiredService<THandler>();
        return await action(handler);
    }
}
