using ContactCenter.Queues.Contracts;

namespace ContactCenter.Tickets.Ui;

/// <summary>What the ticket pages offer in their selects: teams with their members, by name.</summary>
internal sealed class TicketsView(IQueuesApi queues)
{
    public async Task<IReadOnlyList<TeamDto>> TeamsAsync(CancellationToken cancellationToken) =>
        [.. (await queues.ListTeamsAsync(cancellationToken)).OrderBy(t => t.Name, StringComparer.CurrentCulture)];
}
