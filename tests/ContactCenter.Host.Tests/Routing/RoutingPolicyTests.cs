using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Routing;

namespace ContactCenter.Host.Tests.Routing;

/// <summary>The routing rule on its own, in memory: who is picked, who is not and why.</summary>
public sealed class RoutingPolicyTests
{
    private static readonly DateTime T0 = new(2026, 11, 2, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Account = Guid.NewGuid();
    private static readonly Guid Product = Guid.NewGuid();

    [Fact]
    public void Auto_picks_the_never_assigned_agent_first_then_the_longest_idle_then_the_one_available_longest()
    {
        var veteran = Agent("Veteran", lastAssigned: T0.AddMinutes(-30));
        var recent = Agent("Recent", lastAssigned: T0.AddMinutes(-1));
        var fresh = Agent("Fresh", presenceSince: T0.AddMinutes(-5));
        var fresher = Agent("Fresher", presenceSince: T0.AddMinutes(-1));
        var snapshot = Snapshot(TeamRoutingMode.Auto, veteran, recent, fresher, fresh);

        Assert.Equal("Fresh", Decide(snapshot).Agent!.Name);
        fresh.LastAssignedAt = T0;
        Assert.Equal("Fresher", Decide(snapshot).Agent!.Name);
        fresher.LastAssignedAt = T0;
        var decision = Decide(snapshot);
        Assert.Equal((RoutingRule.LongestIdle, "Veteran"), (decision.Rule, decision.Agent!.Name));
        Assert.Contains("Veteran", decision.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Away_full_deactivated_and_agents_not_serving_the_product_are_passed_over_and_the_log_says_why()
    {
        var away = Agent("Away", presence: AgentPresence.Away);
        var full = Agent("Full", active: 2, max: 2);
        var gone = Agent("Gone", isActive: false);
        var other = Agent("Other", serves: false);
        var snapshot = Snapshot(TeamRoutingMode.Auto, away, full, gone, other);

        var decision = RoutingPolicy.Decide(new RoutingFacts(null, Product, Account), snapshot);

        Assert.Equal(RoutingRule.Backlog, decision.Rule);
        Assert.Null(decision.Agent);
        var (candidates, count) = decision.DescribeCandidates();
        Assert.Equal(4, count);
        Assert.All(candidates, c => Assert.False(c.Eligible));
        var reasons = candidates.ToDictionary(c => c.DisplayName, c => c.Reason);
        Assert.Equal("away", reasons["Away"]);
        Assert.Equal("at capacity (2/2)", reasons["Full"]);
        Assert.Equal("deactivated", reasons["Gone"]);
        Assert.Equal("does not serve Jardim", reasons["Other"]);

        // Without a product, serving it does not matter.
        Assert.Equal("Other", RoutingPolicy.Decide(new RoutingFacts(null, null, Account), snapshot).Agent!.Name);
    }

    [Fact]
    public void A_returning_contact_goes_to_an_offline_or_full_owner_but_a_deactivated_owner_gets_the_normal_rule()
    {
        var owner = Agent("Owner", presence: AgentPresence.Offline, active: 5, max: 5);
        var other = Agent("Other");
        var snapshot = Snapshot(TeamRoutingMode.Auto, owner, other);

        var decision = RoutingPolicy.Decide(new RoutingFacts(null, null, Account, owner.UserId, ConsiderOwner: true), snapshot);
        Assert.Equal((RoutingRule.Owner, "Owner"), (decision.Rule, decision.Agent!.Name));

        var deactivated = Agent("Owner2", isActive: false);
        snapshot = Snapshot(TeamRoutingMode.Auto, deactivated, other);
        decision = RoutingPolicy.Decide(new RoutingFacts(null, null, Account, deactivated.UserId, ConsiderOwner: true), snapshot);
        Assert.Equal((RoutingRule.LongestIdle, "Other"), (decision.Rule, decision.Agent!.Name));

        // Rounds and transfers do not look at the owner again.
        decision = RoutingPolicy.Decide(new RoutingFacts(null, null, Account, owner.UserId), Snapshot(TeamRoutingMode.Auto, owner, other));
        Assert.Equal("Other", decision.Agent!.Name);
    }

    [Fact]
    public void Pool_teams_offer_conversations_but_hand_lead_tasks_out_and_no_team_means_no_team()
    {
        var snapshot = Snapshot(TeamRoutingMode.Pool, Agent("Carla"));

        Assert.Equal(RoutingRule.Pool, RoutingPolicy.Decide(new RoutingFacts(null, null, Account), snapshot).Rule);
        Assert.Equal(RoutingRule.LongestIdle, RoutingPolicy.Decide(new RoutingFacts(null, null, Account, IgnorePoolMode: true), snapshot).Rule);
        Assert.Equal(RoutingRule.NoTeam, RoutingPolicy.Decide(new RoutingFacts(null, null, Guid.NewGuid()), snapshot).Rule);
    }

    [Fact]
    public void Several_teams_on_one_number_route_to_the_first_by_name_and_the_excluded_agent_is_never_picked()
    {
        var snapshot = new RoutingSnapshot();
        var ana = Agent("Ana");
        var bia = Agent("Bia", lastAssigned: T0);
        var zeta = new TeamState(Guid.NewGuid(), "Zeta", TeamRoutingMode.Auto);
        var alfa = new TeamState(Guid.NewGuid(), "alfa", TeamRoutingMode.Auto);
        foreach (var (team, members) in new[] { (zeta, new[] { ana }), (alfa, new[] { ana, bia }) })
        {
            team.ChannelAccountIds.Add(Account);
            team.Members.AddRange(members);
            snapshot.AddTeam(team);
        }

        snapshot.AddAgent(ana);
        snapshot.AddAgent(bia);

        var decision = RoutingPolicy.Decide(new RoutingFacts(null, null, Account, ExcludedAgentId: ana.UserId), snapshot);

        Assert.Equal(("alfa", "Bia"), (decision.Team!.Name, decision.Agent!.Name));
        Assert.Contains("first by name of the 2 teams", decision.Explanation, StringComparison.Ordinal);
        Assert.Equal("did not answer it in time", decision.DescribeCandidates().Candidates.Single(c => c.DisplayName == "Ana").Reason);
    }

    private static RoutingDecision Decide(RoutingSnapshot snapshot) => RoutingPolicy.Decide(new RoutingFacts(null, Product, Account), snapshot);

    private static AgentState Agent(
        string name, AgentPresence presence = AgentPresence.Available, DateTime? lastAssigned = null, DateTime? presenceSince = null,
        int active = 0, int max = 5, bool isActive = true, bool serves = true) => new(Guid.NewGuid(), name)
    {
        IsActive = isActive,
        Presence = presence,
        PresenceChangedAt = presenceSince ?? T0.AddHours(-1),
        LastAssignedAt = lastAssigned,
        ActiveCount = active,
        MaxConcurrentConversations = max,
        ProductIds = serves ? new HashSet<Guid> { Product } : new HashSet<Guid>(),
    };

    private static RoutingSnapshot Snapshot(TeamRoutingMode mode, params AgentState[] agents)
    {
        var snapshot = new RoutingSnapshot();
        var team = new TeamState(Guid.NewGuid(), "Comercial", mode);
        team.ChannelAccountIds.Add(Account);
        team.Members.AddRange(agents);
        foreach (var agent in agents)
        {
            snapshot.AddAgent(agent);
        }

        snapshot.AddProduct(Product, team.Id, "Jardim");
        snapshot.AddTeam(team);
        return snapshot;
    }
}
