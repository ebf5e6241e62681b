namespace ContactCenter.Queues.Contracts;

/// <summary>
/// Routing's live figures per team, as <c>/metrics</c> publishes them (<c>contactcenter.queue.waiting</c>,
/// <c>contactcenter.agents.available</c>): one definition for IT's dashboards and the "Operação" page.
/// </summary>
public interface IQueueFigures
{
    /// <summary>
    /// Every team (of <paramref name="teamIds"/> when given; null: all teams, plus work routed to no team yet), with the
    /// work nobody has yet and the active agents marked available.
    /// </summary>
    Task<IReadOnlyList<TeamFigures>> ReadAsync(IReadOnlyCollection<Guid>? teamIds, CancellationToken cancellationToken);
}

/// <summary>One team's figures; <paramref name="TeamId"/> null is work not routed to any team yet (no name).</summary>
/// <param name="Waiting">Conversations and lead tasks waiting in the backlog or offered to the team's pool.</param>
/// <param name="AgentsAvailable">Active members marked available.</param>
public sealed record TeamFigures(Guid? TeamId, string? TeamName, long Waiting, long AgentsAvailable);
