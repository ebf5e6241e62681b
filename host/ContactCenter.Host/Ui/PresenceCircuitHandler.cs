using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ContactCenter.Host.Ui;

/// <summary>
/// Tells the Queues module when a user's browser connects and when their last one on this node goes away, so an
/// available agent who closed the UI drops to away after the configured time (the presence sweeper decides).
/// One per circuit. Limitation: counts are per node, so with several nodes a circuit closing on one node records a
/// disconnect while another node may still hold one; its next reconnect clears it.
/// </summary>
internal sealed class PresenceCircuitHandler(
    AuthenticationStateProvider authentication,
    BrowserConnections connections,
    IServiceScopeFactory scopes,
    ILogger<PresenceCircuitHandler> logger) : CircuitHandler
{
    private Guid? _userId;
    private bool _connected;

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_connected || await UserIdAsync() is not { } userId)
        {
            return;
        }

        _connected = true;
        connections.Up(userId);
        // Every connection clears the mark, not only the first on this node: it may have come from another node.
        await RecordAsync(userId, connected: true);
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken) => DownAsync();

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken) => DownAsync();

    private async Task DownAsync()
    {
        if (!_connected || _userId is not { } userId)
        {
            return;
        }

        _connected = false;
        if (connections.Down(userId))
        {
            await RecordAsync(userId, connected: false);
        }
    }

    private async Task<Guid?> UserIdAsync()
    {
        if (_userId is null)
        {
            var user = (await authentication.GetAuthenticationStateAsync()).User;
            // API keys never open circuits; only people have presence.
            if (user.FindFirst(ClaimNames.AuthKind)?.Value == "user" && Guid.TryParse(user.FindFirst(ClaimNames.UserId)?.Value, out var id))
            {
                _userId = id;
            }
        }

        return _userId;
    }

    private async Task RecordAsync(Guid userId, bool connected)
    {
        // Presence bookkeeping must never break the UI: a failed write is logged and the next connection retries.
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var presence = scope.ServiceProvider.GetRequiredService<IPresenceApi>();
            if (connected)
            {
                await presence.BrowserConnectedAsync(userId, CancellationToken.None);
            }
            else
            {
                await presence.BrowserDisconnectedAsync(userId, CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not record that the browser of user {UserId} {Change}", userId, connected ? "connected" : "disconnected");
        }
    }
}
