using System.Net;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using ContactCenter.Host.Tests.Routing;
using ContactCenter.Leads.Ui;

namespace ContactCenter.Host.Tests.History;

/// <summary>
/// Issue 9 A4: the contact page shows what was said — the contact's conversations with their last messages and how each
/// ended — to whoever may see those conversations, and nothing of a colleague's conversation to an agent.
/// </summary>
public abstract class ContactConversationsTests(DatabaseKind kind) : RoutingTest(kind)
{
    [Fact]
    public async Task A_contacts_conversations_come_with_their_last_messages_and_wrap_up_newest_first()
    {
        var number = await CreateNumberAsync("Vendas");
        var team = await CreateTeamAsync("Comercial", "auto", number);
        await CreateAgentAsync("ana", team);
        var admin = Host.CreateAdminClient();
        await admin.PostJsonAsync("/api/v1/contact-reasons", new { name = "Visita agendada" });
        var first = await ArriveAsync(number, text: "Quero ver o apartamento");
        var contactId = (string)(await ConversationAsync(first))["contact"]!["id"]!;
        var ana = await Host.LoginAsync("ana", Arrange.Password);
        Assert.Equal(HttpStatusCode.Accepted, (await ana.PostJsonAsync($"/api/v1/conversations/{first}/messages", new { text = "Claro! Sábado às 10h?" })).Response.StatusCode);
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        var (finished, _) = await ana.PostJsonAsync($"/api/v1/conversations/{first}/finish", new { reason = "visita agendada", note = "Sábado 10h" });
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);

        var list = (await admin.GetJsonAsync($"/api/v1/contacts/{contactId}/conversations")).AsArray();

        var item = Assert.Single(list)!;
        Assert.Equal(first.ToString(), (string?)item["conversation"]!["id"]);
        Assert.Equal("finished", (string?)item["conversation"]!["status"]);
        Assert.Equal("Visita agendada", (string?)item["conversation"]!["wrapUp"]!["reason"]);
        Assert.Equal("Sábado 10h", (string?)item["conversation"]!["wrapUp"]!["note"]);
        Assert.Equal("ana", (string?)item["agentName"]);
        Assert.Equal("Comercial", (string?)item["teamName"]);
        Assert.Equal(2, (int)item["messageCount"]!);
        Assert.Equal(["Quero ver o apartamento", "Claro! Sábado às 10h?"],
            item["lastMessages"]!.AsArray().Select(m => (string)m!["text"]!).ToArray());

        // Only the last N messages are carried; the count says how many there are.
        var trimmed = (await admin.GetJsonAsync($"/api/v1/contacts/{contactId}/conversations?messages=1")).AsArray().Single()!;
        Assert.Equal(["Claro! Sábado às 10h?"], trimmed["lastMessages"]!.AsArray().Select(m => (string)m!["text"]!).ToArray());
        Assert.Equal(2, (int)trimmed["messageCount"]!);
        // The contact page reads it in Portuguese: the messages, who wrote them, how it ended.
        var page = await Host.RenderAsync<ContactDetailPage>("ana", "pt-BR", new Dictionary<string, object?> { ["Id"] = Guid.Parse(contactId) });
        Assert.Contains("<h2>Conversas</h2>", page, StringComparison.Ordinal);
        Assert.Contains("Quero ver o apartamento", page, StringComparison.Ordinal);
        Assert.Contains("Claro! Sábado às 10h?", page, StringComparison.Ordinal);
        Assert.Contains("Motivo: Visita agendada.", page, StringComparison.Ordinal);
        Assert.Contains("Finalizada", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/history/{first}\"", page, StringComparison.Ordinal);

        var tooMany = await admin.GetAsync($"/api/v1/contacts/{contactId}/conversations?messages=500");
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal("validation_failed", (string?)(await tooMany.ReadJsonAsync())["code"]);
    }

    [Fact]
    public async Task An_agent_sees_only_the_contacts_conversations_that_were_theirs()
    {
        var number = await CreateNumberAsync("Vendas");
        var team = await CreateTeamAsync("Comercial", "auto", number);
        await CreateAgentAsync("ana", team, max: 1);
        await CreateAgentAsync("bruno", team, max: 1);
        var conversation = await ArriveAsync(number, text: "Preço do lote 12?");
        var contactId = (string)(await ConversationAsync(conversation))["contact"]!["id"]!;
        var assigned = AgentOf(await ConversationAsync(conversation));
        var admin = Host.CreateAdminClient();
        var owner = (string)(await admin.GetJsonAsync($"/api/v1/users/{assigned}"))["userName"]!;
        var other = owner == "ana" ? "bruno" : "ana";

        var ownersView = (await (await Host.LoginAsync(owner, Arrange.Password)).GetJsonAsync($"/api/v1/contacts/{contactId}/conversations")).AsArray();
        var othersView = await (await Host.LoginAsync(other, Arrange.Password)).GetAsync($"/api/v1/contacts/{contactId}/conversations");

        Assert.Equal("Preço do lote 12?", (string?)Assert.Single(ownersView)!["lastMessages"]![0]!["text"]);
        Assert.Equal(HttpStatusCode.OK, othersView.StatusCode);
        Assert.Empty((await othersView.ReadJsonAsync()).AsArray());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.CreateClient().GetAsync($"/api/v1/contacts/{contactId}/conversations")).StatusCode);
    }
}

public sealed class ContactConversationsTestsOnSqlite() : ContactConversationsTests(DatabaseKind.Sqlite);

public sealed class ContactConversationsTestsOnPostgres() : ContactConversationsTests(DatabaseKind.Postgres);
