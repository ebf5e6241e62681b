namespace ContactCenter.Queues.Contracts;

/// <summary>
/// Whether an agent has the web UI open, as the host sees their browser connections (Blazor circuits). An available
/// agent whose browsers stay gone for <see cref="RoutingSettingsDto.AwayAfterDisconnectSeconds"/> becomes away,
/// unless they work an outreach queue. Both calls save at once and ignore users without a routing profile.
/// </summary>
public interface IPresenceApi
{
    /// <summary>One of the user's browsers is connected again (or for the first time).</summary>
    Task BrowserConnectedAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The user's last browser connection on this node went away.</summary>
    Task BrowserDisconnectedAsync(Guid userId, CancellationToken cancellationToken);
}
