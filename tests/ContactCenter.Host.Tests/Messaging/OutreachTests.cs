using System.Net;
using System.Text.Json.Nodes;
using ContactCenter.Host.Tests.Inbound;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;

namespace ContactCenter.Host.Tests.Messaging;

/// <summary>
/// "Nova conversa" (issue 9 F, seeds 001 and 004): an agent writes first to a number typed any way a person types it.
/// Outside the contact's 24-hour window only an approved template may start the talk; inside it the contact's open
/// conversation is reused. The new conversation is the starter's and counts on their load; a refusal stores nothing.
/// </summary>
public abstract class OutreachTests(DatabaseKind kind) : InboundTest(kind)
{
    private static readonly Dictionary<string, string> Filled = new() { ["body:1"] = "Ana", ["body:2"] = "Imobiliária Demo" };

    [Fact]
    public async Task A_new_number_starts_with_a_filled_template_and_the_conversation_is_the_starters_and_counts_on_their_load()
    {
        var account = await CreateAccountAsync();
        var template = await ApprovedTemplateAsync(account);
        var (ana, anaId) = await AgentAsync("ana", account);

        var (noTemplate, noTemplateProblem) = await ana.PostJsonAsync("/api/v1/outreach",
            new { channelAccountId = account, phone = "+55 (11) 97777-6666", name = "Carla Souza", cpf = "529.982.247-25" });
        var (unfilled, unfilledProblem) = await ana.PostJsonAsync("/api/v1/outreach",
            new { channelAccountId = account, phone = "+55 (11) 97777-6666", templateId = template, variables = new Dictionary<string, string> { ["body:1"] = "Carla" } });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "template_required"), (noTemplate.StatusCode, (string?)noTemplateProblem["code"]));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "template_variables_missing"), (unfilled.StatusCode, (string?)unfilledProblem["code"]));
        Assert.Empty((await Host.CreateAdminClient().GetJsonAsync("/api/v1/conversations"))["items"]!.AsArray());
        Assert.Empty((await Host.CreateAdminClient().GetJsonAsync("/api/v1/contacts?search=97777"))["items"]!.AsArray());

        var (started, body) = await ana.PostJsonAsync("/api/v1/outreach",
            new { channelAccountId = account, phone = "11 97777-6666", name = "Carla Souza", cpf = "529.982.247-25", templateId = template, variables = Filled });

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.False((bool)body["existing"]!);
        var conversation = body["conversation"]!;
        Assert.Equal($"/api/v1/conversations/{conversation["id"]}", started.Headers.Location?.OriginalString);
        Assert.Equal("5511977776666", (string?)conversation["contact"]!["phone"]);
        Assert.Equal("Carla Souza", (string?)conversation["contact"]!["name"]);
        Assert.Equal(anaId.ToString(), (string?)conversation["assignedAgentId"]);
        Assert.Equal("awaitingContact", (string?)conversation["status"]);
        Assert.Equal("Olá Ana, aqui é da Imobiliária Demo. Podemos continuar seu atendimento?", (string?)body["message"]!["text"]);
        Assert.Equal(1, (int)(await Host.CreateAdminClient().GetJsonAsync($"/api/v1/agents/{anaId}"))["activeCount"]!);
        var contact = await Host.CreateAdminClient().GetJsonAsync($"/api/v1/contacts/{conversation["contact"]!["id"]}");
        Assert.Equal(("Carla Souza", "52998224725"), ((string?)contact["name"], (string?)contact["cpf"]));

        await SendAllAsync();
        var sent = JsonNode.Parse(Assert.Single(Graph.SentBodies))!;
        Assert.Equal(("+5511977776666", "template"), ((string?)sent["to"], (string?)sent["type"]));
        // The template does not open the window: free text waits for the contact's answer.
        var (text, textProblem) = await ana.PostJsonAsync($"/api/v1/conversations/{conversation["id"]}/messages", new { text = "Oi Carla!" });
        Assert.Equal((HttpStatusCode.Conflict, "window_closed"), (text.StatusCode, (string?)textProblem["code"]));
    }

    [Fact]
    public async Task Numbers_and_cpfs_that_are_not_valid_are_refused_with_their_codes_and_nothing_is_stored()
    {
        var account = await CreateAccountAsync();
        var template = await ApprovedTemplateAsync(account);
        var (ana, _) = await AgentAsync("ana", account);

        async Task<(HttpStatusCode Status, string? Code, JsonObject? Errors)> TryAsync(HttpClient client, object request)
        {
            var (response, problem) = await client.PostJsonAsync("/api/v1/outreach", request);
            return (response.StatusCode, (string?)problem["code"], problem["errors"] as JsonObject);
        }

        foreach (var phone in new[] { "12345", "+55 11 9777", "ligar para Carla", "" })
        {
            var refused = await TryAsync(ana, new { channelAccountId = account, phone, templateId = template, variables = Filled });
            Assert.Equal((HttpStatusCode.UnprocessableEntity, "invalid_phone_number"), (refused.Status, refused.Code));
            Assert.True(refused.Errors!.ContainsKey("phone"), phone);
        }

        var badCpf = await TryAsync(ana, new { channelAccountId = account, phone = "+5511977776666", cpf = "111.111.111-11", templateId = template, variables = Filled });
        var unknownAccount = await TryAsync(ana, new { channelAccountId = Guid.NewGuid(), phone = "+5511977776666", templateId = template, variables = Filled });
        var keyWithoutAgent = await TryAsync(Host.CreateAdminClient(), new { channelAccountId = account, phone = "+5511977776666", templateId = template, variables = Filled });
        var otherNumbersTemplate = await TryAsync(ana, new { channelAccountId = account, phone = "+5511977776666", templateId = Guid.NewGuid(), variables = Filled });

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "invalid_cpf"), (badCpf.Status, badCpf.Code));
        Assert.True(badCpf.Errors!.ContainsKey("cpf"));
        Assert.Equal(HttpStatusCode.BadRequest, unknownAccount.Status);
        Assert.True(unknownAccount.Errors!.ContainsKey("channelAccountId"));
        Assert.Equal(HttpStatusCode.BadRequest, keyWithoutAgent.Status);
        Assert.True(keyWithoutAgent.Errors!.ContainsKey("agentId"));
        Assert.Equal((HttpStatusCode.Conflict, "template_not_approved"), (otherNumbersTemplate.Status, otherNumbersTemplate.Code));
        Assert.Empty((await Host.CreateAdminClient().GetJsonAsync("/api/v1/conversations"))["items"]!.AsArray());
        Assert.Empty((await Host.CreateAdminClient().GetJsonAsync("/api/v1/contacts?search=97777"))["items"]!.AsArray());
        await SendAllAsync();
        Assert.Empty(Graph.SentBodies);
    }

    [Fact]
    public async Task Inside_the_window_the_open_conversation_is_reused_and_a_new_one_keeps_the_contacts_window_until_it_closes()
    {
        var account = await CreateAccountAsync();
        var (ana, anaId) = await AgentAsync("ana", account);
        var admin = Host.CreateAdminClient();
        var first = await ConversationAsync(account, "wamid.out-1"); // 5511988887777 writes: ana gets it

        var (reused, reusedBody) = await ana.PostJsonAsync("/api/v1/outreach", new { channelAccountId = account, phone = "(11) 98888-7777" });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.True((bool)reusedBody["existing"]!);
        Assert.Equal(first, (string?)reusedBody["conversation"]!["id"]);

        Assert.Equal(HttpStatusCode.OK, (await ana.PostJsonAsync($"/api/v1/conversations/{first}/finish", new { reason = "Dúvida respondida" })).Response.StatusCode);
        Host.Clock.Advance(TimeSpan.FromHours(3));
        var (opened, openedBody) = await ana.PostJsonAsync("/api/v1/outreach", new { channelAccountId = account, phone = "+55 11 98888-7777" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var second = (string)openedBody["conversation"]!["id"]!;
        Assert.NotEqual(first, second);
        Assert.Equal(anaId.ToString(), (string?)openedBody["conversation"]!["assignedAgentId"]);
        Assert.Equal((DateTime)(await admin.GetJsonAsync($"/api/v1/conversations/{first}"))["windowClosesAt"]!, (DateTime)openedBody["conversation"]!["windowClosesAt"]!);
        var (text, _) = await ana.PostJsonAsync($"/api/v1/conversations/{second}/messages", new { text = "Oi! Lembrei de você: saiu a unidade que queria." });
        Assert.Equal(HttpStatusCode.Accepted, text.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await ana.PostJsonAsync($"/api/v1/conversations/{second}/finish", new { reason = "Sem interesse" })).Response.StatusCode);
        Host.Clock.Advance(TimeSpan.FromHours(22));
        ana = await Host.LoginAsync("ana", Arrange.Password); // a new day, a new sign-in
        var (late, lateProblem) = await ana.PostJsonAsync("/api/v1/outreach", new { channelAccountId = account, phone = "5511988887777" });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "template_required"), (late.StatusCode, (string?)lateProblem["code"]));
    }

    [Fact]
    public async Task An_agent_cannot_take_over_a_contact_another_agent_is_serving_on_that_number()
    {
        var account = await CreateAccountAsync();
        var (_, anaId) = await AgentAsync("ana", account);
        var conversation = await ConversationAsync(account, "wamid.out-2");
        Assert.Equal(anaId.ToString(), (string?)(await Host.CreateAdminClient().GetJsonAsync($"/api/v1/conversations/{conversation}"))["assignedAgentId"]);
        var (bruno, _) = await AgentAsync("bruno", account, presence: "offline");

        var (taken, problem) = await bruno.PostJsonAsync("/api/v1/outreach", new { channelAccountId = account, phone = "+55 11 98888-7777" });

        Assert.Equal((HttpStatusCode.Conflict, "conversation_in_progress"), (taken.StatusCode, (string?)problem["code"]));
        Assert.Contains("ana", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(anaId.ToString(), (string?)(await Host.CreateAdminClient().GetJsonAsync($"/api/v1/conversations/{conversation}"))["assignedAgentId"]);
    }
}

public sealed class OutreachTestsOnSqlite() : OutreachTests(DatabaseKind.Sqlite);

public sealed class OutreachTestsOnPostgres() : OutreachTests(DatabaseKind.Postgres);
