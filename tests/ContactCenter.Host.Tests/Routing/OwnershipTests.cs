using System.Net;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;

namespace ContactCenter.Host.Tests.Routing;

/// <summary>
/// One owner per fact, seen from outside: routing (Queues) decides who has a conversation and names them; the
/// conversation's copy, the contact's timeline and the live queue all follow that one decision, and whether a caller
/// may claim or transfer still depends on their teams.
/// </summary>
public abstract class OwnershipTests(DatabaseKind kind) : RoutingTest(kind)
{
    [Fact]
    public async Task A_new_conversation_is_stored_then_routed_and_everyone_reads_routings_decision_with_its_names()
    {
        var vendas = await CreateNumberAsync("Vendas");
        var comercial = await CreateTeamAsync("Comercial", "auto", vendas);
        var ana = await CreateAgentAsync("ana", comercial);

        var id = await ArriveAsync(vendas);

        var conversation = await ConversationAsync(id);
        Assert.Equal((ana, "awaitingAgent"), (AgentOf(conversation), (string?)conversation["status"]));
        var contactId = (string)conversation["contact"]!["id"]!;
        var timeline = (await Host.CreateAdminClient().GetJsonAsync($"/api/v1/contacts/{contactId}/timeline"))["items"]!.AsArray();
        var routed = Assert.Single(timeline, e => (string?)e!["kind"] == "routed")!;
        Assert.Contains("The conversation went to ana (Comercial)", (string?)routed["text"], StringComparison.Ordinal);

        var queue = await Host.CreateAdminClient().GetJsonAsync("/api/v1/queue/live");
        Assert.Empty(queue["teams"]!.AsArray()); // nobody waits: routing's item is assigned
        var load = queue["agents"]!.AsArray().Single(a => (string?)a!["userId"] == ana.ToString())!;
        Assert.Equal(1, (int)load["openConversations"]!);
    }

    [Fact]
    public async Task Only_members_of_a_pool_team_claim_its_conversations()
    {
        var suporte = await CreateNumberAsync("Suporte");
        var vendas = await CreateNumberAsync("Vendas");
        var pool = await CreateTeamAsync("Atendimento", "pool", suporte);
        var comercial = await CreateTeamAsync("Comercial", "auto", vendas);
        var carla = await CreateAgentAsync("carla", pool);
        await CreateAgentAsync("bia", comercial);
        var offered = await ArriveAsync(suporte);

        var (outsider, _) = await (await Host.LoginAsync("bia", Arrange.Password)).PostJsonAsync($"/api/v1/conversations/{offered}/claim", new { });
        var (member, body) = await (await Host.LoginAsync("carla", Arrange.Password)).PostJsonAsync($"/api/v1/conversations/{offered}/claim", new { });

        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        Assert.True(member.IsSuccessStatusCode, body.ToJsonString());
        Assert.Equal(carla, AgentOf(await ConversationAsync(offered)));
    }

    [Fact]
    public async Task A_supervisor_transfers_their_teams_conversations_and_not_another_teams()
    {
        var vendas = await CreateNumberAsync("Vendas");
        var suporte = await CreateNumberAsync("Suporte");
        var comercial = await CreateTeamAsync("Comercial", "auto", vendas);
        var atendimento = await CreateTeamAsync("Atendimento", "auto", suporte);
        var ana = await CreateAgentAsync("ana", comercial);
        var bruno = await CreateAgentAsync("bruno", comercial);
        await CreateAgentAsync("carla", atendimento);
        var sofia = await Host.CreateUserAsync("sofia", "supervisor");
        var otto = await Host.CreateUserAsync("otto", "supervisor");
        await Host.SetMembersAsync(comercial, ana, bruno, sofia);
        await Host.SetMembersAsync(atendimento, (await Host.CreateAdminClient().GetJsonAsync($"/api/v1/teams/{atendimento}"))["members"]!.AsArray()
            .Select(m => Guid.Parse((string)m!["userId"]!)).Append(otto).ToArray());
        var id = await ArriveAsync(vendas);
        Assert.Equal(ana, AgentOf(await ConversationAsync(id)));
        var request = new { agentId = bruno, reason = "Bruno knows this client." };

        var (foreign, _) = await (await Host.LoginAsync("otto", Arrange.Password)).PostJsonAsync($"/api/v1/conversations/{id}/transfer", request);
        var (own, body) = await (await Host.LoginAsync("sofia", Arrange.Password)).PostJsonAsync($"/api/v1/conversations/{id}/transfer", request);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.True(own.IsSuccessStatusCode, body.ToJsonString());
        Assert.Equal(bruno, AgentOf(await ConversationAsync(id)));
    }
}

public sealed class OwnershipTestsOnSqlite() : OwnershipTests(DatabaseKind.Sqlite);

public sealed class OwnershipTestsOnPostgres() : OwnershipTests(DatabaseKind.Postgres);
