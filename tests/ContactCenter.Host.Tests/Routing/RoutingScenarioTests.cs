using System.Net;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;

namespace ContactCenter.Host.Tests.Routing;

/// <summary>The issue's routing scenarios, end to end: webhooks in, decisions out through the API.</summary>
public abstract class RoutingScenarioTests(DatabaseKind kind) : RoutingTest(kind)
{
    [Fact]
    public async Task Auto_gives_the_conversation_to_the_longest_idle_agent_and_pool_offers_it_until_a_member_claims_it()
    {
        var vendas = await CreateNumberAsync("Vendas");
        var suporte = await CreateNumberAsync("Suporte");
        var comercial = await CreateTeamAsync("Comercial", "auto", vendas);
        var pool = await CreateTeamAsync("Atendimento", "pool", suporte);
        var ana = await CreateAgentAsync("ana", comercial);
        var bruno = await CreateAgentAsync("bruno", comercial);
        var carla = await CreateAgentAsync("carla", pool);
        await CreateAgentAsync("dora", pool);

        var first = await ArriveAsync(vendas);
        var second = await ArriveAsync(vendas);

        // Both never assigned: ana has been available longer; then bruno is the one idle the longest.
        Assert.Equal(ana, AgentOf(await ConversationAsync(first)));
        Assert.Equal(bruno, AgentOf(await ConversationAsync(second)));
        var decision = await LastDecisionAsync(first);
        Assert.Equal("longestIdle", (string?)decision["rule"]);
        Assert.Contains("ana is available", (string?)decision["explanation"], StringComparison.Ordinal);
        var candidates = decision["candidates"]!.AsArray();
        Assert.Equal(["ana", "bruno"], candidates.Select(c => (string)c!["displayName"]!));
        Assert.All(candidates, c => Assert.True((bool)c!["eligible"]!));

        var offered = await ArriveAsync(suporte);
        var conversation = await ConversationAsync(offered);
        Assert.Null(AgentOf(conversation));
        Assert.Equal(("new", pool.ToString()), ((string?)conversation["status"], (string?)conversation["teamId"]));
        Assert.Equal("pool", (string?)(await LastDecisionAsync(offered))["rule"]);
        Assert.Equal("offered", (string?)(await RoutingAsync(offered))["state"]);

        var carlaClient = await Host.LoginAsync("carla", Arrange.Password);
        var doraClient = await Host.LoginAsync("dora", Arrange.Password);
        Assert.Contains(offered.ToString(), await IdsAsync(doraClient));
        var (claimed, body) = await carlaClient.PostJsonAsync($"/api/v1/conversations/{offered}/claim", new { });
        Assert.True(claimed.IsSuccessStatusCode, body.ToJsonString());
        Assert.Equal(carla, AgentOf(await ConversationAsync(offered)));
        Assert.DoesNotContain(offered.ToString(), await IdsAsync(doraClient));
        Assert.Equal(1, await ActiveCountAsync(carla));
        Assert.Equal("claimed", (string?)(await LastDecisionAsync(offered))["rule"]);
    }

    [Fact]
    public async Task With_nobody_available_it_waits_in_the_backlog_and_goes_to_the_agent_who_comes_back()
    {
        var vendas = await CreateNumberAsync("Vendas");
        var comercial = await CreateTeamAsync("Comercial", "auto", vendas);
        var ana = await CreateAgentAsync("ana", comercial, presence: "offline");

        var waiting = await ArriveAsync(vendas);

        Assert.Null(AgentOf(await ConversationAsync(waiting)));
        var backlog = await LastDecisionAsync(waiting);
        Assert.Equal("backlog", (string?)backlog["rule"]);
        Assert.Equal("offline", (string?)backlog["candidates"]![0]!["reason"]);
        Assert.Equal(0, (await RunRoundAsync()).Assigned);
        var refused = await (await Host.LoginAsync("ana", Arrange.Password)).PostAsync($"/api/v1/conversations/{waiting}/claim", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("not_claimable", (string?)(await refused.ReadJsonAsync())["code"]);

        await SetPresenceAsync(ana, "available");
        await RunRoundAsync();

        Assert.Equal(ana, AgentOf(await ConversationAsync(waiting)));
        var routing = await RoutingAsync(waiting);
        Assert.Equal("assigned", (string?)routing["state"]);
        var assigned = routing["decisions"]!.AsArray().Last()!;
        Assert.Equal("longestIdle", (string?)assigned["rule"]);
        Assert.NotNull(assigned["roundId"]);
        Assert.Equal(1, await ActiveCountAsync(ana));
    }

    [Fact]
    public async Task An_agent_at_capacity_gets_no_more_until_one_is_finished()
    {
        var vendas = await CreateNumberAsync("Vendas");
        var comercial = await CreateTeamAsync("Comercial", "auto", vendas);
        var ana = await CreateAgentAsync("ana", comercial, max: 1);

        var first = await ArriveAsync(vendas);
        var second = await ArriveAsync(vendas);

        Assert.Equal(ana, AgentOf(await ConversationAsync(first)));
        Assert.Null(AgentOf(await ConversationAsync(second)));
        Assert.Equal("at capacity (1/1)", (string?)(await LastDecisionAsync(second))["candidates"]![0]!["reason"]);
        await RunRoundAsync();
        Assert.Null(AgentOf(await ConversationAsync(second)));

        // Finishing frees the slot and wakes an immediate round; running one here too makes the outcome certain.
        await FinishAsync(first);
        await RunRoundAsync();

        Assert.Equal(ana, AgentOf(await ConversationAsync(second)));
        Assert.Equal(1, await ActiveCountAsync(ana));
    }

    [Fact]
    public async Task An_agent_who_does_not_answer_in_time_loses_the_conversation_to_the_next_one_and_an_answer_stops_the_clock()
    {
        var vendas = await CreateNumberAsync("Vendas");
        var comercial = await CreateTeamAsync("Comercial", "auto", vendas);
        var ana = await CreateAgentAsync("ana", comercial);
        var bruno = await CreateAgentAsync("bruno", comercial);

        var slow = await ArriveAsync(vendas);
        var answered = await ArriveAsync(vendas);
        Assert.Equal((ana, bruno), (AgentOf(await ConversationAsync(slow)), AgentOf(await ConversationAsync(answered))));
        // The inbox's countdown: 300 s from the assignment, the warning from 80 % of it.
        var clock = (await ConversationAsync(slow))["firstResponse"]!;
        var assignedAt = (DateTime)clock["assignedAt"]!;
        Assert.Equal(assignedAt.AddSeconds(300), (DateTime)clock["dueAt"]!);
        Assert.Equal(assignedAt.AddSeconds(240), (DateTime)clock["warnAt"]!);
        var brunoClient = await Host.LoginAsync("bruno", Arrange.Password);
        var (sent, body) = await brunoClient.PostJsonAsync($"/api/v1/conversations/{answered}/messages", new { text = "Olá! Como posso ajudar?" });
        Assert.True(sent.IsSuccessStatusCode, body.ToJsonString());
        Assert.Null((await ConversationAsync(answered))["firstResponse"]);

        // The Quartz sweep also runs in the background (on this clock): assert where things end up, not who moved them.
        Host.Clock.Advance(TimeSpan.FromSeconds(299));
        await SweepTimeoutsAsync();
        Assert.Equal(ana, AgentOf(await ConversationAsync(slow)));
        Host.Clock.Advance(TimeSpan.FromSeconds(2));
        await SweepTimeoutsAsync();

        Assert.Equal(bruno, AgentOf(await ConversationAsync(slow)));
        Assert.Equal(bruno, AgentOf(await ConversationAsync(answered)));
        // bruno's own clock starts when he gets it.
        Assert.Equal(Host.Clock.GetUtcNow().UtcDateTime.AddSeconds(300), (DateTime)(await ConversationAsync(slow))["firstResponse"]!["dueAt"]!, TimeSpan.FromSeconds(2));
        var decision = await LastDecisionAsync(slow);
        Assert.Equal(("firstResponseTimeout", ana.ToString()), ((string?)decision["rule"], (string?)decision["previousAgentId"]));
        Assert.StartsWith("ana did not answer within 300 s.", (string?)decision["explanation"], StringComparison.Ordinal);
        Assert.Equal((0, 2), (await ActiveCountAsync(ana), await ActiveCountAsync(bruno)));
    }

    [Fact]
    public async Task Transfers_go_only_to_teams_and_agents_linked_to_the_number_and_the_history_keeps_who_and_why()
    {
        var vendas = await CreateNumberAsync("Vendas");
        var outra = await CreateNumberAsync("Outra loja");
        var comercial = await CreateTeamAsync("Comercial", "auto", vendas);
        var pos = await CreateTeamAsync("Pós-venda", "pool", vendas);
        var loja = await CreateTeamAsync("Loja", "auto", outra);
        var ana = await CreateAgentAsync("ana", comercial);
        var bruno = await CreateAgentAsync("bruno", comercial);
        var lia = await CreateAgentAsync("lia", loja);
        var conversation = await ArriveAsync(vendas);
        Assert.Equal(ana, AgentOf(await ConversationAsync(conversation)));
        var anaClient = await Host.LoginAsync("ana", Arrange.Password);

        var (refused, problem) = await anaClient.PostJsonAsync($"/api/v1/conversations/{conversation}/transfer", new { teamId = loja, reason = "Cliente da outra loja" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("team_not_linked", (string?)problem["code"]);
        Assert.Contains("Team Loja is not linked to the number 'Vendas'", (string?)problem["detail"], StringComparison.Ordinal);
        var (notLinked, agentProblem) = await anaClient.PostJsonAsync($"/api/v1/conversations/{conversation}/transfer", new { agentId = lia, reason = "x" });
        Assert.Equal(("agent_not_linked", HttpStatusCode.Conflict), ((string?)agentProblem["code"], notLinked.StatusCode));
        var (noReason, _) = await anaClient.PostJsonAsync($"/api/v1/conversations/{conversation}/transfer", new { agentId = bruno });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

        var (toBruno, moved) = await anaClient.PostJsonAsync($"/api/v1/conversations/{conversation}/transfer", new { agentId = bruno, reason = "Ele cuida de seminovos" });
        Assert.True(toBruno.IsSuccessStatusCode, moved.ToJsonString());
        Assert.Equal(bruno, AgentOf(await ConversationAsync(conversation)));
        Assert.Equal((0, 1), (await ActiveCountAsync(ana), await ActiveCountAsync(bruno)));

        // Ana no longer has it: she may not move it again; the admin may, to the pool team.
        var (forbidden, _) = await anaClient.PostJsonAsync($"/api/v1/conversations/{conversation}/transfer", new { teamId = pos, reason = "x" });
        Assert.Equal(HttpStatusCode.NotFound, forbidden.StatusCode);
        var (toPool, pooled) = await Host.CreateAdminClient().PostJsonAsync($"/api/v1/conversations/{conversation}/transfer", new { teamId = pos, reason = "Pós-venda resolve" });
        Assert.True(toPool.IsSuccessStatusCode, pooled.ToJsonString());
        Assert.Null(AgentOf(await ConversationAsync(conversation)));
        Assert.Equal(0, await ActiveCountAsync(bruno));

        var history = (await RoutingAsync(conversation))["decisions"]!.AsArray();
        Assert.Equal(["longestIdle", "transferToAgent", "transferToTeam"], history.Select(d => (string)d!["rule"]!));
        Assert.Contains("ana transferred it to bruno (team Comercial): \"Ele cuida de seminovos\"", (string?)history[1]!["explanation"], StringComparison.Ordinal);
        Assert.Equal(ana.ToString(), (string?)history[1]!["byUserId"]);
        Assert.Contains("\"Pós-venda resolve\"", (string?)history[2]!["explanation"], StringComparison.Ordinal);
        Assert.Equal("offered", (string?)(await RoutingAsync(conversation))["state"]);
    }

    [Fact]
    public async Task Two_members_claiming_the_same_conversation_at_once_one_wins_and_the_other_hears_who()
    {
        var suporte = await CreateNumberAsync("Suporte");
        var pool = await CreateTeamAsync("Atendimento", "pool", suporte);
        var carla = await CreateAgentAsync("carla", pool);
        var dora = await CreateAgentAsync("dora", pool);
        var conversations = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            conversations.Add(await ArriveAsync(suporte));
        }

        var clients = new[] { await Host.LoginAsync("carla", Arrange.Password), await Host.LoginAsync("dora", Arrange.Password) };
        foreach (var conversation in conversations)
        {
            var responses = await Task.WhenAll(clients.Select(c => c.PostAsync($"/api/v1/conversations/{conversation}/claim", null)));
            var codes = responses.Select(r => r.StatusCode).Order().ToList();
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], codes);
            var loser = await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).ReadJsonAsync();
            var winner = AgentOf(await ConversationAsync(conversation));
            Assert.Equal("already_claimed", (string?)loser["code"]);
            Assert.Equal($"{(winner == carla ? "carla" : "dora")} already took this conversation.", (string?)loser["detail"]);
            Assert.Single((await RoutingAsync(conversation))["decisions"]!.AsArray(), d => (string?)d!["rule"] == "claimed");
        }

        Assert.Equal(3, await ActiveCountAsync(carla) + await ActiveCountAsync(dora));
    }

    private static async Task<List<string>> IdsAsync(HttpClient client) =>
        (await client.GetJsonAsync("/api/v1/conversations"))["items"]!.AsArray().Select(c => (string)c!["id"]!).ToList();
}

public sealed class RoutingScenarioTestsOnSqlite() : RoutingScenarioTests(DatabaseKind.Sqlite);

public sealed class RoutingScenarioTestsOnPostgres() : RoutingScenarioTests(DatabaseKind.Postgres);
