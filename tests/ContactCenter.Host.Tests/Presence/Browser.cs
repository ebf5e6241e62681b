using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Ui;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Presence;

/// <summary>
/// One browser tab of a signed-in user, played without a browser: a circuit scope of the real host whose circuit
/// handler hears the connection go up and down, as Blazor Server reports it.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    private readonly AsyncServiceScope _circuit;
    private readonly CircuitHandler _presence;

    private Browser(AsyncServiceScope circuit)
    {
        _circuit = circuit;
        _presence = circuit.ServiceProvider.GetServices<CircuitHandler>().OfType<PresenceCircuitHandler>().Single();
    }

    public static async Task<Browser> OpenAsync(TestHost host, Guid userId, string userName, Role role = Role.Agent)
    {
        var browser = new Browser(host.Services.CreateAsyncScope());
        var authentication = (IHostEnvironmentAuthenticationStateProvider)browser._circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(Principals.ForUser(userId, userName, role, "stamp", "Cookies"))));
        await browser.ConnectAsync();
        return browser;
    }

    // The handlers ignore the circuit object (internal to Blazor); they act on the scope's user.
    public Task ConnectAsync() => _presence.OnConnectionUpAsync(null!, default);

    public Task DisconnectAsync() => _presence.OnConnectionDownAsync(null!, default);

    public Task CloseAsync() => _presence.OnCircuitClosedAsync(null!, default);

    public ValueTask DisposeAsync() => _circuit.DisposeAsync();
}
