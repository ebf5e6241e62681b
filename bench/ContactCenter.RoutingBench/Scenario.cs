using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Routing;

namespace ContactCenter.RoutingBench;

internal sealed record BenchTeam(Guid Id, string Name);

internal sealed record BenchProduct(Guid Id, string Name, Guid TeamId);

internal sealed record BenchAgent(
    Guid UserId, string Name, Guid TeamId, AgentPresence Presence, DateTime PresenceChangedAt, DateTime? LastAssignedAt, int ActiveCount,
    IReadOnlyList<Guid> ProductIds);

/// <summary>A waiting conversation as routing stores it after its arrival found nobody: in its product's team's backlog.</summary>
internal sealed record BenchItem(Guid ConversationId, Guid ContactId, Guid ProductId, Guid TeamId, DateTime WaitingSince);

/// <summary>
/// The scale, drawn once from fixed seeds so the in-memory rounds and the database round weigh the same agents
/// for the same conversations: 1,000 agents in 10 auto teams, 100 products (10 per team; each agent serves 5 of their
/// team's), 70 % available, capacity 5 with loads 0–2, 10,000 waiting conversations with random products, oldest first.
/// </summary>
internal sealed class Scenario
{
    public const int Agents = 1_000, Teams = 10, Products = 100, Waiting = 10_000, Capacity = 5;

    private Scenario(Guid channelAccountId, List<BenchTeam> teams, List<BenchProduct> products, List<BenchAgent> agents, List<BenchItem> items)
    {
        ChannelAccountId = channelAccountId;
        TeamList = teams;
        ProductList = products;
        AgentList = agents;
        Items = items;
    }

    /// <summary>The number every conversation came in on; every team serves it.</summary>
    public Guid ChannelAccountId { get; }

    public IReadOnlyList<BenchTeam> TeamList { get; }

    public IReadOnlyList<BenchProduct> ProductList { get; }

    public IReadOnlyList<BenchAgent> AgentList { get; }

    /// <summary>Oldest first, the order a round takes them in.</summary>
    public IReadOnlyList<BenchItem> Items { get; }

    public static Scenario Create(DateTime now)
    {
        var r = new Random(7);
        var teams = Enumerable.Range(0, Teams).Select(i => new BenchTeam(Guid.CreateVersion7(), $"Team {i:D2}")).ToList();
        var products = Enumerable.Range(0, Products).Select(i => new BenchProduct(Guid.CreateVersion7(), $"Product {i:D3}", teams[i % Teams].Id)).ToList();
        var agents = new List<BenchAgent>(Agents);
        for (var i = 0; i < Agents; i++)
        {
            var team = teams[i % Teams];
            var own = products.Where(p => p.TeamId == team.Id).OrderBy(_ => r.Next()).Take(5).Select(p => p.Id).ToList();
            agents.Add(new BenchAgent(
                Guid.CreateVersion7(),
                $"Agent {i:D4}",
                team.Id,
                r.Next(10) < 7 ? AgentPresence.Available : AgentPresence.Away,
                now.AddMinutes(-r.Next(600)),
                r.Next(4) == 0 ? null : now.AddMinutes(-r.Next(600)),
                r.Next(3),
                own));
        }

        var random = new Random(42);
        var items = Enumerable.Range(0, Waiting)
            .Select(i =>
            {
                var product = products[random.Next(Products)];
                return new BenchItem(Guid.CreateVersion7(), Guid.CreateVersion7(), product.Id, product.TeamId, now.AddSeconds(i - Waiting));
            })
            .ToList();
        return new Scenario(Guid.CreateVersion7(), teams, products, agents, items);
    }

    /// <summary>
    /// What a round loads: a fresh snapshot of the same agents, loads and products (with <paramref name="everyone"/>:
    /// every agent in that presence instead of their own, e.g. all away when the waiting conversations arrived).
    /// </summary>
    public RoutingSnapshot NewSnapshot(AgentPresence? everyone = null)
    {
        var snapshot = new RoutingSnapshot();
        foreach (var product in ProductList)
        {
            snapshot.AddProduct(product.Id, product.TeamId, product.Name);
        }

        var teams = TeamList.ToDictionary(t => t.Id, t => new TeamState(t.Id, t.Name, TeamRoutingMode.Auto));
        foreach (var a in AgentList)
        {
            var agent = new AgentState(a.UserId, a.Name)
            {
                Presence = everyone ?? a.Presence,
                PresenceChangedAt = a.PresenceChangedAt,
                LastAssignedAt = a.LastAssignedAt,
                ActiveCount = a.ActiveCount,
                MaxConcurrentConversations = Capacity,
                ProductIds = a.ProductIds.ToHashSet(),
            };
            snapshot.AddAgent(agent);
            teams[a.TeamId].Members.Add(agent);
        }

        foreach (var team in teams.Values)
        {
            team.ChannelAccountIds.Add(ChannelAccountId);
            snapshot.AddTeam(team);
        }

        return snapshot;
    }

    /// <summary>What the round knows about an item (BacklogRounds builds the same from the stored row).</summary>
    public static RoutingFacts FactsOf(BenchItem item, Guid channelAccountId) => new(item.TeamId, item.ProductId, channelAccountId);
}
