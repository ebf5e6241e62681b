using ContactCenter.Queues.Contracts;

namespace ContactCenter.Queues.Routing;

/// <summary>An agent as routing sees them at one moment. A round updates load and last assignment as it hands work out.</summary>
internal sealed class AgentState(Guid userId, string name)
{
    public Guid UserId { get; } = userId;

    public string Name { get; } = name;

    public bool IsActive { get; init; } = true;

    public AgentPresence Presence { get; init; }

    public DateTime PresenceChangedAt { get; init; }

    public int ActiveCount { get; set; }

    public int MaxConcurrentConversations { get; set; }

    public DateTime? LastAssignedAt { get; set; }

    public IReadOnlySet<Guid> ProductIds { get; init; } = new HashSet<Guid>();

    public bool HasCapacity => ActiveCount < MaxConcurrentConversations;

    public bool IsAvailable => IsActive && Presence == AgentPresence.Available;
}

internal sealed class TeamState(Guid id, string name, TeamRoutingMode mode)
{
    public Guid Id { get; } = id;

    public string Name { get; } = name;

    public TeamRoutingMode Mode { get; } = mode;

    public List<AgentState> Members { get; } = [];

    public HashSet<Guid> ChannelAccountIds { get; } = [];
}

/// <summary>
/// Teams, products and agents in memory, so a decision is a pure function (<see cref="RoutingPolicy"/>) that a round
/// can repeat thousands of times without a query each.
/// </summary>
internal sealed class RoutingSnapshot
{
    private readonly Dictionary<Guid, TeamState> _teams = [];
    private readonly Dictionary<Guid, AgentState> _agents = [];
    private readonly Dictionary<Guid, (Guid TeamId, string Name)> _products = [];
    private readonly Dictionary<Guid, List<TeamState>> _teamsByChannel = [];

    public IReadOnlyCollection<AgentState> Agents => _agents.Values;

    public IReadOnlyCollection<TeamState> Teams => _teams.Values;

    public void AddTeam(TeamState team)
    {
        _teams[team.Id] = team;
        foreach (var channel in team.ChannelAccountIds)
        {
            if (!_teamsByChannel.TryGetValue(channel, out var list))
            {
                _teamsByChannel[channel] = list = [];
            }

            list.Add(team);
            // Several teams on one number: the first by name routes what arrives there (docs/routing.md).
            list.Sort((a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name));
        }
    }

    public void AddAgent(AgentState agent) => _agents[agent.UserId] = agent;

    public void AddProduct(Guid productId, Guid teamId, string name) => _products[productId] = (teamId, name);

    public TeamState? FindTeam(Guid? teamId) => teamId is { } id ? _teams.GetValueOrDefault(id) : null;

    public AgentState? FindAgent(Guid? userId) => userId is { } id ? _agents.GetValueOrDefault(id) : null;

    public string? ProductName(Guid? productId) => productId is { } id && _products.TryGetValue(id, out var p) ? p.Name : null;

    /// <summary>The team a product belongs to (agents of that team must serve it to get its conversations).</summary>
    public Guid? TeamOfProduct(Guid? productId) => productId is { } id && _products.TryGetValue(id, out var p) ? p.TeamId : null;

    public IReadOnlyList<TeamState> TeamsOfChannel(Guid? channelAccountId) =>
        channelAccountId is { } id && _teamsByChannel.TryGetValue(id, out var list) ? list : [];

    /// <summary>
    /// The team that routes an item: the one it already has (from the contact or an earlier decision), else its
    /// product's team, else the first team (by name) linked to the channel account it came in on.
    /// </summary>
    public (TeamState? Team, string Why) ResolveTeam(Guid? teamId, Guid? productId, Guid? channelAccountId)
    {
        if (FindTeam(teamId) is { } own)
        {
            return (own, $"team {own.Name}");
        }

        if (FindTeam(TeamOfProduct(productId)) is { } productTeam)
        {
            return (productTeam, $"team {productTeam.Name}, which serves {ProductName(productId)}");
        }

        var linked = TeamsOfChannel(channelAccountId);
        return linked.Count switch
        {
            0 => (null, "no team"),
            1 => (linked[0], $"team {linked[0].Name}, linked to the number it came in on"),
            _ => (linked[0], $"team {linked[0].Name}, the first by name of the {linked.Count} teams linked to the number it came in on"),
        };
    }
}

/// <summary>
/// The part of the routing world one decision needs: the teams it may go to (given, its product's, those linked to
/// its number) with their members, and the agents it names (owner, claimer, transfer target, current agent).
/// </summary>
internal sealed record SnapshotScope(IReadOnlyCollection<Guid?> TeamIds, Guid? ProductId, Guid? ChannelAccountId, IReadOnlyCollection<Guid?> AgentIds);
