using System.Diagnostics;
using System.Text.Json;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Routing;

// Routing in memory at the issue's scale: 1,000 agents in 10 auto teams, 100 products (10 per team, each agent serving
// 5 of their team's), 10,000 waiting conversations. Measures one decision (p50/p99 over every waiting conversation,
// nothing assigned) and a full round (decide, assign in the snapshot, describe the candidates as the log does).
const int Agents = 1_000, Teams = 10, Products = 100, Waiting = 10_000, Capacity = 5, Runs = 5;

var random = new Random(42);
var now = new DateTime(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);
var account = Guid.NewGuid();

RoutingSnapshot NewSnapshot()
{
    var r = new Random(7);
    var snapshot = new RoutingSnapshot();
    var teams = Enumerable.Range(0, Teams).Select(i => new TeamState(Guid.NewGuid(), $"Team {i:D2}", TeamRoutingMode.Auto)).ToList();
    var products = Enumerable.Range(0, Products).Select(i => (Id: ProductId(i), Team: teams[i % Teams])).ToList();
    foreach (var (id, team) in products)
    {
        snapshot.AddProduct(id, team.Id, $"Product {id}");
    }

    for (var i = 0; i < Agents; i++)
    {
        var team = teams[i % Teams];
        var own = products.Where(p => p.Team == team).OrderBy(_ => r.Next()).Take(5).Select(p => p.Id).ToHashSet();
        var agent = new AgentState(Guid.NewGuid(), $"Agent {i:D4}")
        {
            Presence = r.Next(10) < 7 ? AgentPresence.Available : AgentPresence.Away,
            PresenceChangedAt = now.AddMinutes(-r.Next(600)),
            LastAssignedAt = r.Next(4) == 0 ? null : now.AddMinutes(-r.Next(600)),
            ActiveCount = r.Next(3),
            MaxConcurrentConversations = Capacity,
            ProductIds = own,
        };
        snapshot.AddAgent(agent);
        team.Members.Add(agent);
    }

    foreach (var team in teams)
    {
        team.ChannelAccountIds.Add(account);
        snapshot.AddTeam(team);
    }

    return snapshot;
}

static Guid ProductId(int i) => new(i + 1, 0, 0, new byte[8]);

var items = Enumerable.Range(0, Waiting).Select(_ => new RoutingFacts(null, ProductId(random.Next(Products)), account)).ToList();

// Warm-up, then one decision per waiting conversation, nothing assigned.
var snapshot = NewSnapshot();
foreach (var facts in items.Take(1_000))
{
    RoutingPolicy.Decide(facts, snapshot);
}

var timings = new double[items.Count];
for (var i = 0; i < items.Count; i++)
{
    var started = Stopwatch.GetTimestamp();
    RoutingPolicy.Decide(items[i], snapshot);
    timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}

Array.Sort(timings);
double Percentile(double p) => timings[(int)Math.Min(timings.Length - 1, Math.Ceiling(p * timings.Length) - 1)];

// Full rounds: each on a fresh snapshot, as a round loads one.
var rounds = new List<(double Ms, int Assigned)>();
for (var run = 0; run < Runs; run++)
{
    var fresh = NewSnapshot();
    var clock = Stopwatch.StartNew();
    var assigned = 0;
    foreach (var facts in items)
    {
        if (!fresh.Agents.Any(a => a.IsAvailable && a.HasCapacity))
        {
            break;
        }

        var decision = RoutingPolicy.Decide(facts, fresh);
        if (decision.Agent is { } agent)
        {
            agent.ActiveCount++;
            agent.LastAssignedAt = now;
            _ = JsonSerializer.Serialize(decision.DescribeCandidates().Candidates);
            assigned++;
        }
    }

    rounds.Add((clock.Elapsed.TotalMilliseconds, assigned));
}

var medianRound = rounds.OrderBy(r => r.Ms).ElementAt(rounds.Count / 2);
Console.WriteLine($"| Routing in memory: {Agents:N0} agents, {Teams} teams, {Products} products, {Waiting:N0} waiting conversations | |");
Console.WriteLine("|---|---|");
Console.WriteLine($"| decision p50 | {Percentile(0.50) * 1000:F1} µs |");
Console.WriteLine($"| decision p99 | {Percentile(0.99) * 1000:F1} µs |");
Console.WriteLine($"| decision max | {timings[^1] * 1000:F1} µs |");
Console.WriteLine($"| full round (median of {Runs}) | {medianRound.Ms:F0} ms, {medianRound.Assigned:N0} assigned |");
Console.WriteLine($"| full rounds | {string.Join(", ", rounds.Select(r => $"{r.Ms:F0} ms"))} |");
