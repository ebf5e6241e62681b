using ContactCenter.Queues.Contracts;

namespace ContactCenter.Leads.Contacts;

/// <summary>Products, teams and agents by name for sentences people read, asked once per unit of work.</summary>
internal sealed class Names(IQueuesApi queues)
{
    private readonly Dictionary<Guid, ProductDto?> _products = [];
    private readonly Dictionary<Guid, TeamDto?> _teams = [];
    private readonly Dictionary<Guid, AgentDto?> _agents = [];

    public async Task<ProductDto?> ProductAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is not { } key)
        {
            return null;
        }

        if (!_products.TryGetValue(key, out var product))
        {
            _products[key] = product = await queues.FindProductAsync(key, cancellationToken);
        }

        return product;
    }

    public async Task<TeamDto?> TeamAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is not { } key)
        {
            return null;
        }

        if (!_teams.TryGetValue(key, out var team))
        {
            _teams[key] = team = await queues.FindTeamAsync(key, cancellationToken);
        }

        return team;
    }

    public async Task<AgentDto?> AgentAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is not { } key)
        {
            return null;
        }

        if (!_agents.TryGetValue(key, out var agent))
        {
            _agents[key] = agent = await queues.FindAgentAsync(key, cancellationToken);
        }

        return agent;
    }

    public async Task<string> ProductNameAsync(Guid? id, CancellationToken cancellationToken) =>
        (await ProductAsync(id, cancellationToken))?.Name ?? "an unknown product";

    public async Task<string> TeamNameAsync(Guid? id, CancellationToken cancellationToken) =>
        (await TeamAsync(id, cancellationToken))?.Name ?? "an unknown team";

    public async Task<string> AgentNameAsync(Guid? id, CancellationToken cancellationToken) =>
        (await AgentAsync(id, cancellationToken))?.DisplayName ?? "an agent";
}
