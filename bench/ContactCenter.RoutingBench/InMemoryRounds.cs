using System.Diagnostics;
using System.Text.Json;
using ContactCenter.Queues.Routing;

namespace ContactCenter.RoutingBench;

internal sealed record InMemoryFigures(double DecisionP50Ms, double DecisionP99Ms, double DecisionMaxMs, IReadOnlyList<(double Ms, int Assigned)> Rounds)
{
    public (double Ms, int Assigned) Median => Rounds.OrderBy(r => r.Ms).ElementAt(Rounds.Count / 2);
}

/// <summary>
/// The routing rule alone: one decision for every waiting conversation (nothing assigned; p50/p99/max), then full rounds
/// as <see cref="BacklogRounds"/> runs them minus the database (decide, assign in the snapshot, describe the candidates
/// as the decision log does), each on a fresh snapshot. The first rounds of a process run partly on unoptimised code
/// (tiered compilation promotes the hot methods after some calls, in the background): five runs on a quiet machine
/// spread 81–353 ms, falling from the first to the last. So <see cref="WarmUpRounds"/> untimed rounds run first, then a
/// pause lets the background compiler finish, and each timed round starts after a full collection (the garbage of
/// the one before is not its cost); the median of <see cref="Runs"/> is the baseline.
/// </summary>
internal static class InMemoryRounds
{
    public const int WarmUpRounds = 5;

    public const int Runs = 9;

    public static InMemoryFigures Measure(Scenario scenario, DateTime now)
    {
        var items = scenario.Items.Select(i => Scenario.FactsOf(i, scenario.ChannelAccountId)).ToList();

        // Warm-up, then one decision per waiting conversation, nothing assigned.
        var snapshot = scenario.NewSnapshot();
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

        for (var run = 0; run < WarmUpRounds; run++)
        {
            _ = Round(scenario, items, now);
        }

        Thread.Sleep(TimeSpan.FromSeconds(1));
        var rounds = new List<(double Ms, int Assigned)>();
        for (var run = 0; run < Runs; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            rounds.Add(Round(scenario, items, now));
        }

        return new InMemoryFigures(Percentile(0.50), Percentile(0.99), timings[^1], rounds);
    }

    /// <summary>One full round on a fresh snapshot: its time and how many it assigned.</summary>
    private static (double Ms, int Assigned) Round(Scenario scenario, List<RoutingFacts> items, DateTime now)
    {
        var fresh = scenario.NewSnapshot();
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
                _ = JsonSerializer.Serialize(decision.DescribeCandidates().Candidates, RoutingStore.Json);
                assigned++;
            }
        }

        return (clock.Elapsed.TotalMilliseconds, assigned);
    }

    public static void Print(InMemoryFigures figures)
    {
        Console.WriteLine(
            $"| Routing in memory: {Scenario.Agents:N0} agents, {Scenario.Teams} teams, {Scenario.Products} products, {Scenario.Waiting:N0} waiting conversations | |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| decision p50 | {figures.DecisionP50Ms * 1000:F1} µs |");
        Console.WriteLine($"| decision p99 | {figures.DecisionP99Ms * 1000:F1} µs |");
        Console.WriteLine($"| decision max | {figures.DecisionMaxMs * 1000:F1} µs |");
        Console.WriteLine($"| full round (median of {Runs}, after {WarmUpRounds} untimed) | {figures.Median.Ms:F0} ms, {figures.Median.Assigned:N0} assigned |");
        Console.WriteLine($"| full rounds | {string.Join(", ", figures.Rounds.Select(r => $"{r.Ms:F0} ms"))} |");
    }
}
