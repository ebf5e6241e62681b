using System.Net;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Leads;
using ContactCenter.Host.Tests.Queues;

namespace ContactCenter.Host.Tests.Routing;

/// <summary>
/// Leads and routing together, end to end through the API and the sandbox phone: the form lead reaches WhatsApp by its
/// code, the first agent becomes the owner, and when the person comes back (same e-mail, new form) the conversation goes
/// to that owner although she is offline, with the rule and the timeline saying so.
/// </summary>
public abstract class ReturningContactTests(DatabaseKind kind) : LeadsTest(kind)
{
    private const string Phone = "5511988887777";

    [Fact]
    public async Task A_returning_contact_goes_to_the_offline_owner_and_the_timeline_says_why()
    {
        var ana = await AgentAsync("ana", "available");
        var bruno = await AgentAsync("bruno", "offline");

        var first = await CreateLeadAsync("Maria Souza", "maria@example.com", Phone);
        Assert.False((bool)first["isReturning"]!);
        await WriteOnWhatsAppAsync(Phone, $"Olá, vim pelo site. Código {(string)first["code"]!}");
        var firstConversation = await OpenConversationAsync();
        Assert.Equal(ana.ToString(), (string?)firstConversation["assignedAgentId"]);
        Assert.Equal(ProductId.ToString(), (string?)firstConversation["productId"]);

        var (finished, body) = await Host.CreateAdminClient().PostJsonAsync($"/api/v1/conversations/{(string)firstConversation["id"]!}/finish", new { reason = "sold" });
        Assert.True(finished.IsSuccessStatusCode, body.ToJsonString());
        await PresenceAsync(ana, "offline");
        await PresenceAsync(bruno, "available");

        var second = await CreateLeadAsync("Maria S.", "MARIA@example.com", Phone);
        Assert.True((bool)second["isReturning"]!);
        await WriteOnWhatsAppAsync(Phone, $"Oi de novo! {(string)second["code"]!}");

        var conversation = await OpenConversationAsync();
        Assert.NotEqual((string?)firstConversation["id"], (string?)conversation["id"]);
        Assert.Equal(ana.ToString(), (string?)conversation["assignedAgentId"]);
        var decision = (await Host.CreateAdminClient().GetJsonAsync($"/api/v1/conversations/{(string)conversation["id"]!}/routing"))["decisions"]!.AsArray().Last()!;
        Assert.Equal("owner", (string?)decision["rule"]);

        var contactId = IdOf(conversation["contact"]!);
        var kinds = (await TimelineAsync(contactId)).Select(e => (string?)e!["kind"]).ToList();
        Assert.Equal(2, kinds.Count(k => k == "whatsapp_arrival"));
        Assert.Contains("owner_notified", kinds);
        Assert.Equal(ana.ToString(), (string?)(await ContactAsync(contactId))["ownerAgentId"]);
    }

    [Fact]
    public async Task A_deactivated_owner_does_not_keep_the_contact()
    {
        var ana = await AgentAsync("ana", "available");
        var first = await CreateLeadAsync("João Lima", "joao@example.com", Phone);
        await WriteOnWhatsAppAsync(Phone, $"Código {(string)first["code"]!}");
        var firstConversation = await OpenConversationAsync();
        Assert.Equal(ana.ToString(), (string?)firstConversation["assignedAgentId"]);
        await Host.CreateAdminClient().PostJsonAsync($"/api/v1/conversations/{(string)firstConversation["id"]!}/finish", new { });

        var (deactivated, body) = await Host.CreateAdminClient().PutJsonAsync($"/api/v1/users/{ana}", new { isActive = false });
        Assert.True(deactivated.IsSuccessStatusCode, body.ToJsonString());
        var bruno = await AgentAsync("bruno", "available");

        var second = await CreateLeadAsync("João Lima", "joao@example.com", Phone);
        await WriteOnWhatsAppAsync(Phone, $"Voltei {(string)second["code"]!}");

        var conversation = await OpenConversationAsync();
        Assert.Equal(bruno.ToString(), (string?)conversation["assignedAgentId"]);
        var decision = (await Host.CreateAdminClient().GetJsonAsync($"/api/v1/conversations/{(string)conversation["id"]!}/routing"))["decisions"]!.AsArray().Last()!;
        Assert.Equal("longestIdle", (string?)decision["rule"]);
    }

    /// <summary>
    /// Defect A4: the contact page showed an English debug log ("Why: Routed to team…"), no finish and an empty Nome
    /// although WhatsApp sent a profile name.
    /// </summary>
    [Fact]
    public async Task The_contact_page_reads_in_portuguese_with_the_profile_name_and_how_the_conversation_ended()
    {
        await AgentAsync("ana", "available");
        await WriteOnWhatsAppAsync(Phone, "Bom dia, quero saber do apartamento", profileName: "Maria do Perfil");
        var conversation = await OpenConversationAsync();
        var (finished, body) = await Host.CreateAdminClient().PostJsonAsync(
            $"/api/v1/conversations/{(string)conversation["id"]!}/finish", new { reason = "Venda realizada", note = "Fechou o apto 12." });
        Assert.True(finished.IsSuccessStatusCode, body.ToJsonString());

        await Host.CreateUserAsync("paula", "supervisor", displayName: "Paula Supervisora");
        var html = await Host.RenderAsync<ContactCenter.Leads.Ui.ContactDetailPage>(
            "paula", "pt-BR", new Dictionary<string, object?> { ["Id"] = IdOf(conversation["contact"]!) });

        Assert.Contains("value=\"Maria do Perfil\"", html);
        Assert.Contains("Nome do perfil do WhatsApp", html);
        Assert.Contains("Conversa encaminhada", html);
        Assert.Contains("Direcionada para ana", html);
        Assert.Contains("Atendimento finalizado", html);
        Assert.Contains("Motivo: Venda realizada. Fechou o apto 12.", html);
        // The router's technical explanation is still there, behind "detalhes", and no longer the line itself.
        var sentences = System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"timeline-sentence\">([^<]*)<").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(sentences);
        Assert.DoesNotContain(sentences, s => s.Contains("Why", StringComparison.Ordinal));
        Assert.Matches("<summary[^>]*>\\s*detalhes\\s*</summary>", html);
    }

    private async Task<Guid> AgentAsync(string userName, string presence)
    {
        var id = await Host.CreateUserAsync(userName, "agent", displayName: userName);
        var team = await Host.CreateAdminClient().GetJsonAsync($"/api/v1/teams/{TeamId}");
        var members = team["members"]!.AsArray().Select(m => Guid.Parse((string)m!["userId"]!)).Append(id).ToArray();
        await Host.SetMembersAsync(TeamId, members);
        var (response, body) = await Host.CreateAdminClient().PutJsonAsync($"/api/v1/agents/{id}", new { productIds = new[] { ProductId } });
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        if (presence != "offline")
        {
            await PresenceAsync(id, presence);
        }

        return id;
    }

    private async Task PresenceAsync(Guid agentId, string presence)
    {
        Host.Clock.Advance(TimeSpan.FromSeconds(1));
        var (response, body) = await Host.CreateAdminClient().PutJsonAsync($"/api/v1/agents/{agentId}/presence", new { presence });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(body);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> OpenConversationAsync() =>
        (await Host.CreateAdminClient().GetJsonAsync("/api/v1/conversations?open=true&limit=50"))["items"]!.AsArray()
            .Single(c => (string?)c!["contact"]!["phone"] == Phone)!;
}

public sealed class ReturningContactTestsOnSqlite() : ReturningContactTests(DatabaseKind.Sqlite);

public sealed class ReturningContactTestsOnPostgres() : ReturningContactTests(DatabaseKind.Postgres);
