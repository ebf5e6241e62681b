namespace ContactCenter.Queues.Routing;

/// <summary>
/// The snapshots of one unit of work's decisions, by scope: an inbox batch that opens 200 conversations on one number
/// loads that number's teams and agents once, not 200 times (a CPU profile of the inbox put a tenth of the host's time
/// in these loads). A placement updates the snapshot it was decided on, as in a backlog round, so the batch's later
/// decisions see the loads its earlier ones added; what other nodes did meanwhile is still caught by the placement's
/// conditional writes (an agent found full is skipped for the next candidate).
/// </summary>
internal sealed class DecisionSnapshots(RoutingSnapshots snapshots)
{
    private readonly Dictionary<string, RoutingSnapshot> _loaded = new(StringComparer.Ordinal);

    public async Task<RoutingSnapshot> LoadAsync(SnapshotScope scope, CancellationToken cancellationToken)
    {
        var key = Key(scope);
        if (!_loaded.TryGetValue(key, out var snapshot))
        {
            snapshot = await snapshots.LoadAsync(scope, cancellationToken);
            _loaded[key] = snapshot;
        }

        return snapshot;
    }

    private static string Key(SnapshotScope scope) => string.Join(
        '|',
        Ids(scope.TeamIds),
        scope.ProductId?.ToString("N") ?? "-",
        scope.ChannelAccountId?.ToString("N") ?? "-",
        Ids(scope.AgentIds));

    private static string Ids(IReadOnlyCollection<Guid?> ids) =>
        string.Join(',', ids.OfType<Guid>().Distinct().Order().Select(id => id.ToString("N")));
}
