using System.Net;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;

namespace ContactCenter.Host.Tests.Routing;

/// <summary>
/// Two host nodes on one PostgreSQL database racing for the same backlog: rounds on both nodes, arrivals on the
/// second, claims from both. Nobody may end up past capacity and no conversation may be assigned twice.
/// </summary>
public sealed class TwoNodeRoutingTests : TwoNodeRoutingTest
{
    [Fact]
    public async Task Rounds_on_two_nodes_and_arrivals_racing_them_never_push_an_agent_past_capacity_or_assign_a_conversation_twice()
    {
        var vendas = await CreateNumberAsync("Vendas");
        var comercial = await CreateTeamAsync("Comercial", "auto", vendas);
        var agents = new List<Guid>();
        foreach (var name in new[] { "ana", "bruno", "caio" })
        {
            agents.Add(await CreateAgentAsync(name, comercial, presence: "offline", max: 2));
        }

        var conversations = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            conversations.Add(await ArriveAsync(vendas));
        }

        foreach (var agent in agents)
        {
            await SetPresenceAsync(agent, "available"); // also wakes this node's immediate round
        }

        var arrivals = Enumerable.Range(0, 3).Select(_ => ArriveAsync(vendas, Second)).ToList();
        await Task.WhenAll(new[] { RunRoundAsync(), RunRoundAsync(Second), RunRoundAsync(), RunRoundAsync(Second) }.Cast<Task>().Concat(arrivals));
        conversations.AddRange(arrivals.Select(a => a.Result));
        await Task.WhenAll(RunRoundAsync(), RunRoundAsync(Second));

        var assigned = new Dictionary<Guid, int>();
        foreach (var conversation in conversations)
        {
            var decisions = (await RoutingAsync(conversation))["decisions"]!.AsArray();
            var assignments = decisions.Count(d => d!["agentId"] is not null);
            Assert.True(assignments <= 1, $"Conversation {conversation} was assigned {assignments} times.");
            if (AgentOf(await ConversationAsync(conversation)) is { } agent)
            {
                assigned[agent] = assigned.GetValueOrDefault(agent) + 1;
            }
        }

        Assert.Equal(6, assigned.Values.Sum());
        foreach (var agent in agents)
        {
            Assert.Equal(2, assigned.GetValueOrDefault(agent));
            Assert.Equal(2, await ActiveCountAsync(agent));
        }
    }

    [Fact]
    public async Task Chunked_rounds_and_the_inbox_routing_new_conversations_at_the_same_time_fill_every_slot_exactly_once()
    {
        // A round writes up to a hundred placements per transaction, holding their agents' rows while an inbox batch
        // takes agents in its messages' order: the round must skip what another transaction holds, never deadlock
        // with it or push anyone past capacity.
        var vendas = await CreateNumberAsync("Vendas");
        var comercial = await CreateTeamAsync("Comercial", "auto", vendas);
        var agents = new List<Guid>();
        foreach (var name in new[] { "ana", "bruno", "caio", "duda", "edu", "fabi" })
        {
            agents.Add(await CreateAgentAsync(name, comercial, presence: "offline", max: 3));
        }

        var conversations = new List<Guid>();
        for (var i = 0; i < 24; i++)
        {
            conversations.Add(await ArriveAsync(vendas)); // nobody available: all wait in the backlog
        }

        foreach (var agent in agents)
        {
            await SetPresenceAsync(agent, "available");
        }

        var arrivals = Enumerable.Range(0, 8).Select(i => ArriveAsync(vendas, i % 2 == 0 ? Host : Second)).ToList();
        var rounds = new[] { RunRoundAsync(), RunRoundAsync(Second), RunRoundAsync(), RunRoundAsync(Second) };
        await Task.WhenAll(rounds.Cast<Task>().Concat(arrivals));
        conversations.AddRange(arrivals.Select(a => a.Result));
        await RunRoundAsync(); // what a round skipped (an agent another transaction held) is placed by the next

        var assigned = new Dictionary<Guid, int>();
        foreach (var conversation in conversations)
        {
            var assignments = (await RoutingAsync(conversation))["decisions"]!.AsArray().Count(d => d!["agentId"] is not null);
            Assert.True(assignments <= 1, $"Conversation {conversation} was assigned {assignments} times.");
            if (AgentOf(await ConversationAsync(conversation)) is { } agent)
            {
                assigned[agent] = assigned.GetValueOrDefault(agent) + 1;
            }
        }

        Assert.Equal(18, assigned.Values.Sum());
        foreach (var agent in agents)
        {
            Assert.Equal(3, assigned.GetValueOrDefault(agent));
            Assert.Equal(3, await ActiveCountAsync(agent));
        }
    }

    [Fact]
    public async Task Claims_from_two_nodes_on_the_same_pool_each_conversation_goes_to_exactly_one_member_within_capacity()
    {
        var suporte = await CreateNumberAsync("Suporte");
        var pool = await CreateTeamAsync("Atendimento", "pool", suporte);
        var carla = await CreateAgentAsync("carla", pool, max: 3);
        var dora = await CreateAgentAsync("dora", pool, max: 3);
        var conversations = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            conversations.Add(await ArriveAsync(suporte));
        }

        var carlaClient = await Host.LoginAsync("carla", Arrange.Password);
        var doraClient = await Second.LoginAsync("dora", Arrange.Password);
        var claims = conversations
            .SelectMany(c => new[] { carlaClient.PostAsync($"/api/v1/conversations/{c}/claim", null), doraClient.PostAsync($"/api/v1/conversations/{c}/claim", null) })
            .ToList();
        var responses = await Task.WhenAll(claims);

        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var owners = new List<Guid?>();
        foreach (var conversation in conversations)
        {
            owners.Add(AgentOf(await ConversationAsync(conversation)));
            Assert.Single((await RoutingAsync(conversation))["decisions"]!.AsArray(), d => (string?)d!["rule"] == "claimed");
        }

        Assert.All(owners, o => Assert.Contains(o, new Guid?[] { carla, dora }));
        var (carlaLoad, doraLoad) = (await ActiveCountAsync(carla), await ActiveCountAsync(dora));
        Assert.Equal((owners.Count(o => o == carla), owners.Count(o => o == dora)), (carlaLoad, doraLoad));
        Assert.True(carlaLoad <= 3 && doraLoad <= 3, $"carla {carlaLoad}, dora {doraLoad}");
    }
}
