using System.Net;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using ContactCenter.Host.Tests.Routing;

namespace ContactCenter.Host.Tests.Security;

/// <summary>
/// Issue 13, findings 5 and 7: what the API lets an agent do with a conversation is what the page lets them do.
/// Claiming is for pool teams only; replying and finishing are for the assigned agent or a supervisor of its team.
/// </summary>
public abstract class ConversationRulesTests(DatabaseKind kind) : RoutingTest(kind)
{
    [Fact]
    public async Task Claiming_a_conversation_of_an_auto_team_is_refused_as_not_claimable_even_by_its_agent()
    {
        var number = await CreateNumberAsync("Vendas");
        var team = await CreateTeamAsync("Vendas", "auto", number);
        var ana = await CreateAgentAsync("ana", team);
        var conversation = await ArriveAsync(number);
        Assert.Equal(ana, AgentOf(await ConversationAsync(conversation)));

        var response = await (await Host.LoginAsync("ana", Arrange.Password)).PostAsync($"/api/v1/conversations/{conversation}/claim", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("not_claimable", (string?)(await response.ReadJsonAsync())["code"]);
    }

    [Fact]
    public async Task A_pool_member_who_did_not_claim_the_conversation_can_neither_reply_nor_finish_it_through_the_api()
    {
        var number = await CreateNumberAsync("Suporte");
        var team = await CreateTeamAsync("Suporte", "pool", number);
        await CreateAgentAsync("ana", team);
        await CreateAgentAsync("bia", team);
        var conversation = await ArriveAsync(number);
        var ana = await Host.LoginAsync("ana", Arrange.Password);
        var bia = await Host.LoginAsync("bia", Arrange.Password);

        // Waiting in the pool: both see it, nobody may answer before claiming.
        var offered = await bia.GetJsonAsync($"/api/v1/conversations/{conversation}");
        Assert.False((bool)offered["canReply"]!);
        Assert.False((bool)offered["canFinish"]!);
        var (early, earlyProblem) = await bia.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "Oi" });
        Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
        Assert.Equal("not_your_conversation", (string?)earlyProblem["code"]);

        var claimed = await ana.PostAsync($"/api/v1/conversations/{conversation}/claim", null);
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);

        var mine = await ana.GetJsonAsync($"/api/v1/conversations/{conversation}");
        Assert.True((bool)mine["canReply"]!);
        Assert.True((bool)mine["canFinish"]!);
        var (sent, _) = await ana.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "Olá, sou a Ana" });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var (finished, _) = await ana.PostJsonAsync($"/api/v1/conversations/{conversation}/finish", new { note = "resolvido" });
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
    }

    [Fact]
    public async Task A_supervisor_of_the_team_may_reply_in_an_agents_conversation_and_the_response_says_so()
    {
        var number = await CreateNumberAsync("Vendas");
        var team = await CreateTeamAsync("Vendas", "auto", number);
        var ana = await CreateAgentAsync("ana", team);
        var sofia = await Host.CreateUserAsync("sofia", "supervisor");
        await Host.SetMembersAsync(team, ana, sofia);
        var conversation = await ArriveAsync(number);
        var supervisor = await Host.LoginAsync("sofia", Arrange.Password);

        var seen = await supervisor.GetJsonAsync($"/api/v1/conversations/{conversation}");
        Assert.True((bool)seen["canReply"]!);
        var (sent, body) = await supervisor.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "Aqui é a supervisora" });
        Assert.True(sent.StatusCode == HttpStatusCode.Accepted, body.ToJsonString());
    }
}

public sealed class ConversationRulesTestsOnSqlite() : ConversationRulesTests(DatabaseKind.Sqlite);

public sealed class ConversationRulesTestsOnPostgres() : ConversationRulesTests(DatabaseKind.Postgres);
