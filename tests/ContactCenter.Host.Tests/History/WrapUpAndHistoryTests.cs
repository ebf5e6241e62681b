using System.Net;
using System.Text.Json.Nodes;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using ContactCenter.Host.Tests.Routing;

namespace ContactCenter.Host.Tests.History;

/// <summary>
/// Wrap-up and history (issue 9 C): the admin lists contact reasons; finishing requires one of them and keeps an optional
/// description; the history lists finished conversations with both, to whoever may see them, found by name or by the
/// number typed in any format.
/// </summary>
public abstract class WrapUpAndHistoryTests(DatabaseKind kind) : RoutingTest(kind)
{
    [Fact]
    public async Task Only_an_admin_manages_the_contact_reasons_and_names_stay_unique()
    {
        var number = await CreateNumberAsync("Vendas");
        var team = await CreateTeamAsync("Comercial", "auto", number);
        await CreateAgentAsync("ana", team);
        var ana = await Host.LoginAsync("ana", Arrange.Password);
        var admin = Host.CreateAdminClient();

        var (created, sale) = await admin.PostJsonAsync("/api/v1/contact-reasons", new { name = "Venda realizada" });
        var (duplicate, duplicateProblem) = await admin.PostJsonAsync("/api/v1/contact-reasons", new { name = "venda REALIZADA" });
        var (blank, blankProblem) = await admin.PostJsonAsync("/api/v1/contact-reasons", new { name = " " });
        var (byAgent, _) = await ana.PostJsonAsync("/api/v1/contact-reasons", new { name = "Sem interesse" });
        await admin.PostJsonAsync("/api/v1/contact-reasons", new { name = "Sem interesse" });
        var (deactivated, _) = await admin.PutJsonAsync($"/api/v1/contact-reasons/{sale["id"]}", new { name = "Venda realizada", isActive = false });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, "reason_exists"), (duplicate.StatusCode, (string?)duplicateProblem["code"]));
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.True(blankProblem["errors"]!.AsObject().ContainsKey("name"));
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        // Agents are offered the active ones; the admin page sees all.
        Assert.Equal(["Sem interesse"], Names(await ana.GetJsonAsync("/api/v1/contact-reasons")));
        Assert.Equal(["Sem interesse", "Venda realizada"], Names(await admin.GetJsonAsync("/api/v1/contact-reasons?includeInactive=true")));
    }

    [Fact]
    public async Task Finishing_requires_a_listed_reason_and_the_history_shows_it_with_the_description_agent_and_team()
    {
        var number = await CreateNumberAsync("Vendas");
        var team = await CreateTeamAsync("Comercial", "auto", number);
        var anaId = await CreateAgentAsync("ana", team);
        var (_, visit) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/contact-reasons", new { name = "Visita agendada" });
        var conversation = await ArriveAsync(number);
        Assert.Equal(anaId, AgentOf(await ConversationAsync(conversation)));
        var ana = await Host.LoginAsync("ana", Arrange.Password);

        var (missing, missingProblem) = await ana.PostJsonAsync($"/api/v1/conversations/{conversation}/finish", new { note = "Sem motivo" });
        var (unknown, unknownProblem) = await ana.PostJsonAsync($"/api/v1/conversations/{conversation}/finish", new { reasonId = Guid.NewGuid() });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "reason_required"), (missing.StatusCode, (string?)missingProblem["code"]));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True(unknownProblem["errors"]!.AsObject().ContainsKey("reasonId"));
        Assert.NotEqual("finished", (string?)(await ConversationAsync(conversation))["status"]);

        Host.Clock.Advance(TimeSpan.FromMinutes(12));
        var (finished, summary) = await ana.PostJsonAsync($"/api/v1/conversations/{conversation}/finish",
            new { reasonId = (string)visit["id"]!, note = "Visita ao decorado sábado às 10h" });
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        Assert.Equal("Visita agendada", (string?)summary["wrapUp"]!["reason"]);

        var history = await ana.GetJsonAsync("/api/v1/history");
        var row = Assert.Single(history["items"]!.AsArray())!;
        Assert.Equal(conversation.ToString(), (string?)row["conversationId"]);
        Assert.Equal("Visita agendada", (string?)row["reason"]);
        Assert.Equal("Visita ao decorado sábado às 10h", (string?)row["note"]);
        Assert.Equal("ana", (string?)row["agentName"]);
        Assert.Equal("Comercial", (string?)row["teamName"]);
        Assert.Equal(Host.Clock.GetUtcNow().UtcDateTime, (DateTime)row["finishedAt"]!);
        Assert.True((DateTime)row["startedAt"]! < (DateTime)row["finishedAt"]!);
        // The whole thread stays readable from the history.
        var messages = await ana.GetJsonAsync($"/api/v1/conversations/{conversation}/messages");
        Assert.Contains(messages["items"]!.AsArray(), m => (string?)m!["text"] == "Olá, quero atendimento");
    }

    [Fact]
    public async Task The_history_is_found_by_the_number_in_any_format_and_filtered_by_reason_and_period_for_those_who_may_see_it()
    {
        var number = await CreateNumberAsync("Vendas");
        var team = await CreateTeamAsync("Comercial", "auto", number);
        await CreateAgentAsync("ana", team, max: 1);
        await CreateAgentAsync("bruno", team, max: 1);
        var admin = Host.CreateAdminClient();
        var (_, sale) = await admin.PostJsonAsync("/api/v1/contact-reasons", new { name = "Venda realizada" });
        var (_, noInterest) = await admin.PostJsonAsync("/api/v1/contact-reasons", new { name = "Sem interesse" });
        var first = await ArriveAsync(number);
        var second = await ArriveAsync(number);
        var firstAgent = AgentOf(await ConversationAsync(first));
        var start = Host.Clock.GetUtcNow();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"/api/v1/conversations/{first}/finish", new { reasonId = (string)sale["id"]! })).Response.StatusCode);
        Host.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"/api/v1/conversations/{second}/finish", new { reason = "sem interesse" })).Response.StatusCode);
        var firstPhone = (string)(await ConversationAsync(first))["contact"]!["phone"]!;
        var local = firstPhone[2..]; // 11 9xxxx-xxxx as a Brazilian types it

        async Task<List<string>> FoundAsync(HttpClient client, string query) =>
            [.. (await client.GetJsonAsync("/api/v1/history?" + query))["items"]!.AsArray().Select(i => (string)i!["conversationId"]!)];

        Assert.Equal([second.ToString(), first.ToString()], await FoundAsync(admin, ""));
        Assert.Equal([first.ToString()], await FoundAsync(admin, "search=" + Uri.EscapeDataString($"+55 ({local[..2]}) {local[2..7]}-{local[7..]}")));
        Assert.Equal([first.ToString()], await FoundAsync(admin, "search=" + local));
        Assert.Equal([first.ToString()], await FoundAsync(admin, "search=" + Uri.EscapeDataString($"0{local[..2]} {local[2..]}")));
        Assert.Equal([second.ToString()], await FoundAsync(admin, "search=" + Uri.EscapeDataString("contato " + ((string)(await ConversationAsync(second))["contact"]!["phone"]!)[^4..])));
        Assert.Equal([second.ToString()], await FoundAsync(admin, $"reasonId={noInterest["id"]}"));
        Assert.Equal([first.ToString()], await FoundAsync(admin, $"from={Uri.EscapeDataString(start.ToString("O"))}&to={Uri.EscapeDataString(start.AddDays(1).ToString("O"))}"));
        Assert.Equal([first.ToString()], await FoundAsync(admin, $"agentId={firstAgent}"));

        // Each agent finds only what was theirs.
        Assert.NotEqual(firstAgent, AgentOf(await ConversationAsync(second)));
        var firstName = (string)(await admin.GetJsonAsync($"/api/v1/users/{firstAgent}"))["userName"]!;
        var firstClient = await Host.LoginAsync(firstName, Arrange.Password);
        Assert.Equal([first.ToString()], await FoundAsync(firstClient, ""));
        var bad = await admin.GetAsync("/api/v1/history?cursor=nope&limit=500");
        var badProblem = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(badProblem["errors"]!.AsObject().ContainsKey("cursor"));
        Assert.True(badProblem["errors"]!.AsObject().ContainsKey("limit"));
    }

    [Fact]
    public async Task Before_any_reason_is_listed_a_conversation_finishes_with_free_text_or_none()
    {
        var number = await CreateNumberAsync("Vendas");
        var team = await CreateTeamAsync("Comercial", "auto", number);
        await CreateAgentAsync("ana", team);
        var conversation = await ArriveAsync(number);
        var admin = Host.CreateAdminClient();

        var (finished, summary) = await admin.PostJsonAsync($"/api/v1/conversations/{conversation}/finish", new { reason = "Cliente desistiu" });

        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        Assert.Equal("Cliente desistiu", (string?)summary["wrapUp"]!["reason"]);
        Assert.Null(summary["wrapUp"]!["reasonId"]);
    }

    [Fact]
    public async Task Inside_one_conversation_messages_are_found_without_regard_to_case_or_accents()
    {
        var number = await CreateNumberAsync("Vendas");
        var team = await CreateTeamAsync("Comercial", "auto", number);
        await CreateAgentAsync("ana", team);
        var conversation = await ArriveAsync(number, text: "Quero agendar uma visita ao decorado");
        var admin = Host.CreateAdminClient();
        foreach (var text in new[] { "Claro! A VISITÁ pode ser sábado?", "Qual o seu e-mail?" })
        {
            Assert.Equal(HttpStatusCode.Accepted, (await admin.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text })).Response.StatusCode);
        }

        async Task<List<string>> FoundAsync(string search) =>
            [.. (await admin.GetJsonAsync($"/api/v1/conversations/{conversation}/messages?search={Uri.EscapeDataString(search)}"))["items"]!.AsArray().Select(m => (string)m!["text"]!)];

        Assert.Equal(["Quero agendar uma visita ao decorado", "Claro! A VISITÁ pode ser sábado?"], await FoundAsync("visita"));
        Assert.Equal(["Claro! A VISITÁ pode ser sábado?"], await FoundAsync("SABADO"));
        Assert.Empty(await FoundAsync("financiamento"));
        Assert.Equal(3, (await admin.GetJsonAsync($"/api/v1/conversations/{conversation}/messages"))["items"]!.AsArray().Count);
        var tooLong = await admin.GetAsync($"/api/v1/conversations/{conversation}/messages?search={new string('x', 201)}");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    private static List<string> Names(JsonNode list) => [.. list.AsArray().Select(r => (string)r!["name"]!)];
}

public sealed class WrapUpAndHistoryTestsOnSqlite() : WrapUpAndHistoryTests(DatabaseKind.Sqlite);

public sealed class WrapUpAndHistoryTestsOnPostgres() : WrapUpAndHistoryTests(DatabaseKind.Postgres);
