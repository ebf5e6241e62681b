using System.Net;
using System.Text.Json.Nodes;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;

namespace ContactCenter.Host.Tests.Leads;

/// <summary>
/// One timeline per contact (issue 11, seeds 000/001/002): every kind of entry a person's history has, in pages newest
/// first, and the temperature (fria / morna / quente) that agents set and rules raise.
/// </summary>
public abstract class ContactTimelineTests(DatabaseKind kind) : LeadsTest(kind)
{
    private const string Phone = "5511977776666";

    [Fact]
    public async Task The_timeline_shows_every_kind_of_entry_of_a_contacts_history_with_who_did_it()
    {
        var ana = await AgentAsync("ana");
        var bruno = await AgentAsync("bruno");
        var template = await SandboxTemplateAsync();
        var lead = await CreateLeadAsync("Maria Souza", "maria@example.com", Phone);
        var contactId = IdOf(lead, "contactId");
        Host.Clock.Advance(TimeSpan.FromMinutes(2));
        await WriteOnWhatsAppAsync(Phone, $"Olá, vim pelo site. Código {(string)lead["code"]!}");
        var conversation = await OpenConversationAsync();
        var first = AgentOf(conversation) == ana ? (ana, "ana") : (bruno, "bruno");
        var second = first.Item1 == ana ? (bruno, "bruno") : (ana, "ana");
        var conversationId = (string)conversation["id"]!;
        var admin = Host.CreateAdminClient();

        Assert.True((await admin.PostJsonAsync($"/api/v1/conversations/{conversationId}/transfer", new { agentId = second.Item1, reason = "Especialista" })).Response.IsSuccessStatusCode);
        var agent = await Host.LoginAsync(second.Item2, Arrange.Password);
        var (_, ticket) = await agent.PostJsonAsync("/api/v1/tickets", new { title = "Segunda via do boleto", conversationId });
        var number = (int)ticket["ticket"]!["number"]!;
        await agent.PatchJsonAsync($"/api/v1/tickets/{number}", new { status = "solved" });
        var (sent, message) = await agent.PostJsonAsync($"/api/v1/conversations/{conversationId}/templates",
            new { templateId = template, variables = new Dictionary<string, string> { ["body:1"] = "Maria", ["body:2"] = "Imobiliária Demo" } });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        await SendAllAsync();
        var (cooled, _) = await agent.PatchJsonAsync($"/api/v1/contacts/{contactId}/temperature", new { temperature = "cold" });
        Assert.Equal(HttpStatusCode.OK, cooled.StatusCode);
        var (finished, _) = await agent.PostJsonAsync($"/api/v1/conversations/{conversationId}/finish", new { reason = "Visita agendada", note = "Sábado 10h" });
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        Host.Clock.Advance(TimeSpan.FromDays(2));
        await WriteOnWhatsAppAsync(Phone, "Oi de novo, ainda tem o apartamento?");

        var timeline = await TimelineAsync(contactId);
        var kinds = timeline.Select(e => (string)e!["kind"]!).ToHashSet();
        Assert.Superset(
            new HashSet<string> { "lead_received", "whatsapp_arrival", "routed", "transferred", "ticket_opened", "ticket_status", "template_sent",
                "temperature_changed", "finished", "returning_notice", "owner_notified" },
            kinds);
        var received = Entry(timeline, "lead_received");
        Assert.Equal(("Apartamentos", "api"), (Data(received, "productName"), Data(received, "source")));
        Assert.Contains("for Apartamentos", (string?)received["text"], StringComparison.Ordinal);
        Assert.Equal(conversationId, (string?)Entry(timeline, "whatsapp_arrival", last: true)["conversationId"]);
        Assert.Equal(second.Item2, Data(Entry(timeline, "transferred"), "agentName"));
        Assert.Equal("Visita agendada", Data(Entry(timeline, "finished"), "reason"));
        Assert.Equal($"Ticket #{number}: Open → Solved by {second.Item2}", (string?)Entry(timeline, "ticket_status")["text"]);
        var template_ = Entry(timeline, "template_sent");
        Assert.Equal($"Template retomada_atendimento sent by {second.Item2}.", (string?)template_["text"]);
        Assert.Equal((conversationId, (string?)message["id"]), ((string?)template_["conversationId"], Data(template_, "messageId")));
        Assert.Equal(second.Item2, Data(Entry(timeline, "owner_notified"), "agentName"));

        // Oldest first: the form made the contact warm, writing within minutes hot, the agent cooled it, coming back heated it again.
        var temperatures = timeline.Where(e => (string?)e!["kind"] == "temperature_changed").Reverse()
            .Select(e => (Data(e!, "rule") ?? Data(e!, "byName"), Data(e!, "to"))).ToArray();
        Assert.Equal([("new_lead", "warm"), ("quick_whatsapp", "hot"), (second.Item2, "cold"), ("returning", "hot")], temperatures);
        Assert.Equal("hot", (string?)(await ContactAsync(contactId))["temperature"]);
    }

    [Fact]
    public async Task The_timeline_comes_in_pages_newest_first_and_a_line_added_while_reading_repeats_nothing()
    {
        var lead = await CreateLeadAsync("Rafael Lima", "rafael@example.com", Phone);
        var contactId = IdOf(lead, "contactId");
        var admin = Host.CreateAdminClient();
        foreach (var temperature in new[] { "hot", "cold", "warm", "hot", "cold", "warm" })
        {
            Host.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(HttpStatusCode.OK, (await admin.PatchJsonAsync($"/api/v1/contacts/{contactId}/temperature", new { temperature })).Response.StatusCode);
        }

        var all = (await admin.GetJsonAsync($"/api/v1/contacts/{contactId}/timeline?limit=200"))["items"]!.AsArray().Select(e => (string)e!["id"]!).ToList();
        Assert.Equal(8, all.Count); // the lead, its "new lead" warming, and six changes by hand
        var read = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await admin.GetJsonAsync($"/api/v1/contacts/{contactId}/timeline?limit=3{(cursor is null ? null : "&cursor=" + cursor)}");
            read.AddRange(page["items"]!.AsArray().Select(e => (string)e!["id"]!));
            cursor = (string?)page["nextCursor"];
            if (pages++ == 0)
            {
                // A new line on top while the reader is on page one: the next pages neither repeat nor skip anything.
                Host.Clock.Advance(TimeSpan.FromMinutes(1));
                await admin.PatchJsonAsync($"/api/v1/contacts/{contactId}/temperature", new { temperature = "hot" });
            }
        }
        while (cursor is not null);

        Assert.Equal(all, read);
        Assert.Equal(3, pages);
        var ats = (await admin.GetJsonAsync($"/api/v1/contacts/{contactId}/timeline"))["items"]!.AsArray().Select(e => (DateTime)e!["at"]!).ToList();
        Assert.Equal(ats.OrderByDescending(a => a), ats);

        var (badCursor, cursorProblem) = await GetWithStatusAsync(admin, $"/api/v1/contacts/{contactId}/timeline?cursor=nonsense");
        var (badLimit, limitProblem) = await GetWithStatusAsync(admin, $"/api/v1/contacts/{contactId}/timeline?limit=0");
        Assert.Equal((HttpStatusCode.BadRequest, "validation_failed"), (badCursor, (string?)cursorProblem["code"]));
        Assert.NotNull(cursorProblem["errors"]!["cursor"]);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit);
        Assert.NotNull(limitProblem["errors"]!["limit"]);
    }

    [Fact]
    public async Task An_agent_rates_only_contacts_they_may_see_and_only_as_cold_warm_or_hot()
    {
        var ana = await AgentAsync("ana");
        var mine = IdOf(await CreateLeadAsync("Rafael Lima", "rafael@example.com", Phone), "contactId");
        var otherTeam = await CreateTeamAsync("Outra loja");
        var otherProduct = await CreateProductAsync("Casas", "casas", otherTeam);
        var theirs = IdOf(await CreateLeadAsync("Joana Reis", "joana@example.com", "5511955554444", otherProduct), "contactId");
        var client = await Host.LoginAsync("ana", Arrange.Password);

        var (wrong, problem) = await client.PatchJsonAsync($"/api/v1/contacts/{mine}/temperature", new { temperature = "morna" });
        var (hidden, _) = await client.PatchJsonAsync($"/api/v1/contacts/{theirs}/temperature", new { temperature = "hot" });
        var (set, contact) = await client.PatchJsonAsync($"/api/v1/contacts/{mine}/temperature", new { temperature = "HOT" });
        var (again, _) = await client.PatchJsonAsync($"/api/v1/contacts/{mine}/temperature", new { temperature = "hot" });

        Assert.Equal((HttpStatusCode.BadRequest, "validation_failed"), (wrong.StatusCode, (string?)problem["code"]));
        Assert.NotNull(problem["errors"]!["temperature"]);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, "hot"), (set.StatusCode, again.StatusCode, (string?)contact["temperature"]));
        var byHand = (await TimelineAsync(mine)).Where(e => (string?)e!["kind"] == "temperature_changed" && Data(e!, "byName") is not null).ToList();
        Assert.Equal(ana.ToString(), (string?)Assert.Single(byHand)!["agentId"]);
        Assert.Equal("warm", (string?)(await ContactAsync(theirs))["temperature"]); // only the new-lead rule touched it
    }

    [Fact]
    public async Task The_contact_page_words_template_sends_and_temperature_changes_in_portuguese()
    {
        await AgentAsync("ana");
        var contactId = IdOf(await CreateLeadAsync("Maria Souza", "maria@example.com", Phone), "contactId");
        var client = await Host.LoginAsync("ana", Arrange.Password);
        await client.PatchJsonAsync($"/api/v1/contacts/{contactId}/temperature", new { temperature = "cold" });

        var html = await Host.RenderAsync<ContactCenter.Leads.Ui.ContactDetailPage>("ana", "pt-BR", new Dictionary<string, object?> { ["Id"] = contactId });

        Assert.Contains("Lead recebido", html);
        Assert.Contains("para Apartamentos, vindo da API.", html);
        Assert.Contains("Temperatura alterada", html);
        Assert.Contains("lead novo", html);
        Assert.Contains("agora morna.", html);
        Assert.Contains("ana mudou para fria. (era morna)", html);
    }

    private async Task<Guid> AgentAsync(string userName)
    {
        var id = await Host.CreateUserAsync(userName, "agent", displayName: userName);
        var team = await Host.CreateAdminClient().GetJsonAsync($"/api/v1/teams/{TeamId}");
        var members = team["members"]!.AsArray().Select(m => Guid.Parse((string)m!["userId"]!)).Append(id).ToArray();
        await Host.SetMembersAsync(TeamId, members);
        Assert.True((await Host.CreateAdminClient().PutJsonAsync($"/api/v1/agents/{id}", new { productIds = new[] { ProductId } })).Response.IsSuccessStatusCode);
        Host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await Host.CreateAdminClient().PutJsonAsync($"/api/v1/agents/{id}/presence", new { presence = "available" })).Response.IsSuccessStatusCode);
        return id;
    }

    /// <summary>The sandbox's reviewer approves a submitted template once its delay has passed (seen at a sync).</summary>
    private async Task<string> SandboxTemplateAsync()
    {
        var admin = Host.CreateAdminClient();
        var (created, template) = await admin.PostJsonAsync("/api/v1/templates", TemplateBody(Account));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)template["id"]!;
        await admin.PostJsonAsync($"/api/v1/templates/{id}/submit", new { });
        Host.Clock.Advance(TimeSpan.FromSeconds(61));
        await admin.PostJsonAsync($"/api/v1/templates/sync?channelAccountId={Account}", new { });
        Assert.Equal("approved", (string?)(await admin.GetJsonAsync($"/api/v1/templates/{id}"))["status"]);
        return id;
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> GetWithStatusAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response.StatusCode, await response.ReadJsonAsync());
    }

    private async Task<JsonNode> OpenConversationAsync() =>
        (await Host.CreateAdminClient().GetJsonAsync("/api/v1/conversations?open=true&limit=50"))["items"]!.AsArray()
            .Single(c => (string?)c!["contact"]!["phone"] == Phone)!;

    private static Guid? AgentOf(JsonNode conversation) => (string?)conversation["assignedAgentId"] is { } id ? Guid.Parse(id) : null;

    private static JsonNode Entry(JsonArray timeline, string kind, bool last = false) =>
        last ? timeline.Last(e => (string?)e!["kind"] == kind)! : timeline.First(e => (string?)e!["kind"] == kind)!;

    private static string? Data(JsonNode entry, string name) =>
        (string?)entry["data"] is { } json ? (string?)JsonNode.Parse(json)![name] : null;
}

public sealed class ContactTimelineTestsOnSqlite() : ContactTimelineTests(DatabaseKind.Sqlite);

public sealed class ContactTimelineTestsOnPostgres() : ContactTimelineTests(DatabaseKind.Postgres);
