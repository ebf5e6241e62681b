using System.Globalization;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Queues.Routing;

/// <summary>What routing knows about the item to place.</summary>
/// <param name="ConsiderOwner">Only when a conversation opens: later (rounds, transfers) the owner already had their chance.</param>
/// <param name="ExcludedAgentId">The agent who just lost it (first-response timeout): never picked again for it.</param>
/// <param name="IgnorePoolMode">Lead tasks are handed out even in pool teams (nobody would claim a phone call).</param>
internal sealed record RoutingFacts(
    Guid? TeamId,
    Guid? ProductId,
    Guid? ChannelAccountId,
    Guid? OwnerAgentId = null,
    bool ConsiderOwner = false,
    Guid? ExcludedAgentId = null,
    bool IgnorePoolMode = false,
    string ExcludedBecause = "did not answer it in time");

/// <summary>A decision and what it weighed; <see cref="DescribeCandidates"/> spells the candidates out for the log.</summary>
internal sealed class RoutingDecision(RoutingRule rule, TeamState? team, AgentState? agent, string explanation)
{
    public RoutingRule Rule { get; } = rule;

    public TeamState? Team { get; } = team;

    public AgentState? Agent { get; } = agent;

    public string Explanation { get; } = explanation;

    /// <summary>Agents of the team weighed (none for the owner, pool and no-team rules).</summary>
    public IReadOnlyList<AgentState> Considered { get; init; } = [];

    public Guid? RequiredProductId { get; init; }

    public string? ProductName { get; init; }

    public Guid? ExcludedAgentId { get; init; }

    public string ExcludedBecause { get; init; } = string.Empty;

    /// <summary>
    /// The candidates weighed, eligible first in the order routing picks them, cut to <paramref name="max"/> (a big team
    /// would otherwise write thousands of lines per decision); the count says how many there were.
    /// </summary>
    public (IReadOnlyList<RoutingCandidateDto> Candidates, int Count) DescribeCandidates(int max = 25)
    {
        // Sorted on the eligibility test, worded only for the listed ones: every assignment logs its candidates, and a big
        // team's members were all worded (formatted strings) before all but 25 of them were dropped.
        var listed = Considered
            .OrderBy(a => RoutingPolicy.IsEligible(a, RequiredProductId, ExcludedAgentId) ? 0 : 1)
            .ThenBy(a => a, RoutingPolicy.IdleOrder)
            .Take(max)
            .Select(a => (Agent: a, Why: RoutingPolicy.Ineligibility(a, RequiredProductId, ProductName, ExcludedAgentId, ExcludedBecause)))
            .Select(x => new RoutingCandidateDto(
                x.Agent.UserId,
                x.Agent.Name,
                x.Why is null,
                x.Why ?? RoutingPolicy.Eligibility(x.Agent, RequiredProductId, ProductName),
                x.Agent.Presence,
                x.Agent.ActiveCount,
                x.Agent.MaxConcurrentConversations,
                RequiredProductId is not { } product || x.Agent.ProductIds.Contains(product),
                x.Agent.LastAssignedAt))
            .ToList();
        return (listed, Considered.Count);
    }
}

/// <summary>
/// THE routing rule, pure and in memory (benchmarked in bench/ContactCenter.RoutingBench):
/// no team → <see cref="RoutingRule.NoTeam"/>; a returning contact with an active owner → the owner, available or not
/// (<see cref="RoutingRule.Owner"/>); a pool team → offered to its members (<see cref="RoutingRule.Pool"/>); an auto team →
/// the member who is active, available, under capacity and serves the product, idle the longest
/// (<see cref="RoutingRule.LongestIdle"/>); nobody → <see cref="RoutingRule.Backlog"/>.
/// </summary>
internal static class RoutingPolicy
{
    /// <summary>Longest idle first: never assigned before anyone, then the oldest last assignment; ties by presence age.</summary>
    public static readonly IComparer<AgentState> IdleOrder = Comparer<AgentState>.Create(Compare);

    public static RoutingDecision Decide(RoutingFacts facts, RoutingSnapshot snapshot)
    {
        var (team, teamWhy) = snapshot.ResolveTeam(facts.TeamId, facts.ProductId, facts.ChannelAccountId);
        if (team is null)
        {
            return new RoutingDecision(
                RoutingRule.NoTeam, null, null,
                "No team serves the number it came in on or its product: it waits until an admin links a team to the number.");
        }

        if (facts.ConsiderOwner && snapshot.FindAgent(facts.OwnerAgentId) is { IsActive: true } owner)
        {
            // The owner gets it even when away, offline or full (seed 000): it counts on their load all the same.
            return new RoutingDecision(
                RoutingRule.Owner, team, owner,
                $"Returning contact: goes to their agent {owner.Name} ({Describe(owner.Presence)}, {owner.ActiveCount}/{owner.MaxConcurrentConversations} conversations), available or not.");
        }

        if (team.Mode == TeamRoutingMode.Pool && !facts.IgnorePoolMode)
        {
            return new RoutingDecision(
                RoutingRule.Pool, team, null,
                $"Routed to {teamWhy}, which works as a pool: offered to its {team.Members.Count} members until one claims it.");
        }

        // The product binds only inside its own team: a conversation transferred to another team goes to whoever is free there.
        var required = facts.ProductId is { } p && snapshot.TeamOfProduct(p) == team.Id ? facts.ProductId : null;
        AgentState? best = null;
        foreach (var agent in team.Members)
        {
            if (IsEligible(agent, required, facts.ExcludedAgentId) && (best is null || Compare(agent, best) < 0))
            {
                best = agent;
            }
        }

        var productName = snapshot.ProductName(required);
        var explanation = best is null
            ? $"Routed to {teamWhy}; nobody there can take it now (of {team.Members.Count} members none is available with room{(productName is null ? string.Empty : $" and serving {productName}")}): it waits in the backlog."
            : $"Routed to {teamWhy}; {best.Name} is available with room ({best.ActiveCount}/{best.MaxConcurrentConversations}){(productName is null ? string.Empty : $", serves {productName}")} and has been idle the longest ({IdleSince(best)}).";
        return new RoutingDecision(best is null ? RoutingRule.Backlog : RoutingRule.LongestIdle, team, best, explanation)
        {
            Considered = team.Members,
            RequiredProductId = required,
            ProductName = productName,
            ExcludedAgentId = facts.ExcludedAgentId,
            ExcludedBecause = facts.ExcludedBecause,
        };
    }

    public static bool IsEligible(AgentState agent, Guid? requiredProduct, Guid? excluded) =>
        agent.IsAvailable
        && agent.HasCapacity
        && agent.UserId != excluded
        && (requiredProduct is not { } product || agent.ProductIds.Contains(product));

    /// <summary>Why an agent cannot take it, in plain words; null when they can.</summary>
    public static string? Ineligibility(AgentState agent, Guid? requiredProduct, string? productName, Guid? excluded, string excludedBecause)
    {
        if (!agent.IsActive)
        {
            return "deactivated";
        }

        if (agent.UserId == excluded)
        {
            return excludedBecause;
        }

        if (agent.Presence != AgentPresence.Available)
        {
            return Describe(agent.Presence);
        }

        if (!agent.HasCapacity)
        {
            return $"at capacity ({agent.ActiveCount}/{agent.MaxConcurrentConversations})";
        }

        return requiredProduct is { } product && !agent.ProductIds.Contains(product)
            ? $"does not serve {productName ?? "the product"}"
            : null;
    }

    public static string Eligibility(AgentState agent, Guid? requiredProduct, string? productName) =>
        $"available, {agent.ActiveCount}/{agent.MaxConcurrentConversations} conversations"
        + (requiredProduct is null ? string.Empty : $", serves {productName ?? "the product"}")
        + $", {IdleSince(agent)}";

    private static int Compare(AgentState? a, AgentState? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        if (a is null || b is null)
        {
            return a is null ? 1 : -1;
        }

        var byAssignment = Nullable.Compare(a.LastAssignedAt, b.LastAssignedAt); // null (never) sorts first
        if (byAssignment != 0)
        {
            return byAssignment;
        }

        var byPresence = a.PresenceChangedAt.CompareTo(b.PresenceChangedAt);
        return byPresence != 0 ? byPresence : a.UserId.CompareTo(b.UserId);
    }

    private static string IdleSince(AgentState agent) => agent.LastAssignedAt is { } at
        ? "last assigned " + at.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
        : "never assigned yet";

    internal static string Describe(AgentPresence presence) => presence switch
    {
        AgentPresence.Available => "available",
        AgentPresence.Away => "away",
        _ => "offline",
    };
}
