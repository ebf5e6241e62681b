using System.Net;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Leads.Contracts;
using ContactCenter.Queues.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Leads;

/// <summary>Contacts through the API: search, profile edits, one team per contact, who sees whom, and the timeline.</summary>
public abstract class ContactsApiTests(DatabaseKind kind) : LeadsTest(kind)
{
    [Fact]
    public async Task Contacts_are_found_by_name_email_or_phone_and_paged_newest_first()
    {
        await CreateLeadAsync("Maria Silva", "maria@example.com", "5511900000001");
        Host.Clock.Advance(TimeSpan.FromSeconds(1));
        await CreateLeadAsync("João Souza", "joao@example.com", "5511900000002");
        Host.Clock.Advance(TimeSpan.FromSeconds(1));
        await CreateLeadAsync("Marina Costa", "marina@outro.com", "5521900000003");

        Assert.Equal(["Marina Costa", "Maria Silva"], (await ContactsAsync("mari")).Select(c => (string?)c!["displayName"]));
        Assert.Equal(["João Souza"], (await ContactsAsync("JOAO@")).Select(c => (string?)c!["displayName"]));
        Assert.Equal(["Marina Costa"], (await ContactsAsync("+55 21")).Select(c => (string?)c!["displayName"]));

        var first = await Host.CreateAdminClient().GetJsonAsync("/api/v1/contacts?limit=2");
        Assert.Equal(["Marina Costa", "João Souza"], first["items"]!.AsArray().Select(c => (string?)c!["displayName"]));
        var second = await Host.CreateAdminClient().GetJsonAsync($"/api/v1/contacts?limit=2&cursor={first["nextCursor"]}");
        Assert.Equal(["Maria Silva"], second["items"]!.AsArray().Select(c => (string?)c!["displayName"]));
        Assert.Null((string?)second["nextCursor"]);
    }

    [Fact]
    public async Task A_contact_is_edited_with_checked_fields_and_its_team_cannot_be_swapped()
    {
        var lead = await CreateLeadAsync("Maria Silva", "maria@example.com", "5511900000001");
        await CreateLeadAsync("Outra Pessoa", "outra@example.com", "5511900000002");
        var id = IdOf(lead, "contactId");
        var admin = Host.CreateAdminClient();

        var (ok, contact) = await admin.PutJsonAsync($"/api/v1/contacts/{id}", new { name = "Maria S. Silva", email = "Maria.Silva@Example.com", cpf = "529.982.247-25", teamId = TeamId });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(("Maria S. Silva", "maria.silva@example.com", "52998224725"), ((string?)contact["name"], (string?)contact["email"], (string?)contact["cpf"]));
        Assert.Equal("Vendas Centro", (string?)contact["teamName"]);

        var (invalid, problem) = await admin.PutJsonAsync($"/api/v1/contacts/{id}", new { name = "Maria", email = "x@", cpf = "123" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(["cpf", "email"], problem["errors"]!.AsObject().Select(p => p.Key).Order());

        var (taken, takenProblem) = await admin.PutJsonAsync($"/api/v1/contacts/{id}", new { name = "Maria", email = "outra@example.com" });
        Assert.Equal((HttpStatusCode.Conflict, "email_taken"), (taken.StatusCode, (string?)takenProblem["code"]));

        var otherTeam = await CreateTeamAsync("Locação Sul");
        var (moved, movedProblem) = await admin.PutJsonAsync($"/api/v1/contacts/{id}", new { name = "Maria", email = "maria.silva@example.com", teamId = otherTeam });
        Assert.Equal((HttpStatusCode.Conflict, "contact_in_another_team"), (moved.StatusCode, (string?)movedProblem["code"]));
        Assert.Contains("transfer the contact instead", (string?)movedProblem["detail"], StringComparison.Ordinal);
        Assert.Contains(await TimelineAsync(id), e => (string?)e!["kind"] == "contact_updated");
    }

    [Fact]
    public async Task An_agent_sees_the_contacts_of_their_teams_and_those_they_own_and_nobody_elses()
    {
        var ana = await Host.CreateUserAsync("ana", "agent", "Ana Agente");
        var bia = await Host.CreateUserAsync("bia", "agent", "Bia Agente");
        await Host.SetMembersAsync(TeamId, ana);
        var otherTeam = await CreateTeamAsync("Locação Sul");
        await Host.SetMembersAsync(otherTeam, bia);
        var mine = await CreateLeadAsync("Maria Silva", "maria@example.com", "5511900000001");
        var other = await CreateLeadAsync("João Souza", "joao@example.com", "5511900000002", await CreateProductAsync("Aluguel", "aluguel", otherTeam));
        var anaClient = await Host.LoginAsync("ana", Arrange.Password);

        Assert.Equal(["Maria Silva"], (await ContactsAsync(client: anaClient)).Select(c => (string?)c!["displayName"]));
        Assert.Equal(HttpStatusCode.OK, (await anaClient.GetAsync($"/api/v1/contacts/{mine["contactId"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anaClient.GetAsync($"/api/v1/contacts/{other["contactId"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anaClient.GetAsync($"/api/v1/contacts/{other["contactId"]}/timeline")).StatusCode);
        var (put, _) = await anaClient.PutJsonAsync($"/api/v1/contacts/{other["contactId"]}", new { name = "x" });
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);

        // Owning a contact makes it visible outside the agent's teams (a transfer gave it to them).
        await PublishAsync(new ConversationRouted(Guid.CreateVersion7(), IdOf(other, "contactId"), otherTeam, ana, null,
            RoutingRule.TransferToAgent, "Ana knows this client.", null, Host.Clock.GetUtcNow().UtcDateTime));
        Assert.Equal(2, (await ContactsAsync(client: anaClient)).Count);
        Assert.Equal(2, (await ContactsAsync()).Count);
    }

    [Fact]
    public async Task Routing_decisions_go_on_the_timeline_once_and_the_first_agent_becomes_the_owner()
    {
        var ana = await Host.CreateUserAsync("ana", "agent", "Ana Agente");
        var caio = await Host.CreateUserAsync("caio", "agent", "Caio Agente");
        var lead = await CreateLeadAsync("Maria Silva", "maria@example.com", "5511900000001");
        var contactId = IdOf(lead, "contactId");
        var conversation = Guid.CreateVersion7();
        var at = Host.Clock.GetUtcNow().UtcDateTime;
        var first = new ConversationRouted(
            conversation, contactId, TeamId, ana, null, RoutingRule.LongestIdle, "Available the longest.", null, at, AgentName: "Ana Agente", TeamName: "Vendas Centro");

        await PublishAsync(first);
        await PublishAsync(first);

        var contact = await ContactAsync(contactId);
        Assert.Equal("Ana Agente", (string?)contact["ownerAgentName"]);
        var routed = Assert.Single(await TimelineAsync(contactId), e => (string?)e!["kind"] == "routed")!;
        Assert.Contains("The conversation went to Ana Agente (Vendas Centro)", (string?)routed["text"], StringComparison.Ordinal);

        // A pool claim later does not change the owner; a first-response timeout does.
        await PublishAsync(new ConversationRouted(
            conversation, contactId, TeamId, caio, ana, RoutingRule.Claimed, "", caio, at.AddMinutes(1), null, "Caio Agente", "Ana Agente", "Vendas Centro", "Caio Agente"));
        Assert.Equal("Ana Agente", (string?)(await ContactAsync(contactId))["ownerAgentName"]);
        await PublishAsync(new ConversationRouted(
            conversation, contactId, TeamId, caio, ana, RoutingRule.FirstResponseTimeout, "No answer in 300 s.", null, at.AddMinutes(6), null, "Caio Agente", "Ana Agente", "Vendas Centro"));
        Assert.Equal("Caio Agente", (string?)(await ContactAsync(contactId))["ownerAgentName"]);
        var timeout = Assert.Single(await TimelineAsync(contactId), e => (string?)e!["kind"] == "first_response_timeout")!;
        Assert.Contains("Ana Agente did not answer in time; the conversation passed to Caio Agente", (string?)timeout["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_returning_contact_is_told_to_routing_and_the_arrival_is_on_the_timeline()
    {
        var first = await CreateLeadAsync("Maria Silva", "maria@example.com", "5511900000001");
        await WriteOnWhatsAppAsync("5511900000001", "Oi");
        var contactId = IdOf(Assert.Single(await ContactsAsync())!);
        var ana = await Host.CreateUserAsync("ana", "agent", "Ana Agente");
        await PublishAsync(new ConversationRouted(Guid.CreateVersion7(), contactId, TeamId, ana, null, RoutingRule.LongestIdle, "", null, Host.Clock.GetUtcNow().UtcDateTime));

        // Her next lead (same e-mail) is returning; when she writes again routing learns her owner and team.
        var again = await CreateLeadAsync("Maria", "maria@example.com", "5511900000001");
        Assert.True((bool)again["isReturning"]!);
        Arrival arrival;
        using (var scope = Host.Services.CreateScope())
        {
            arrival = await scope.ServiceProvider.GetRequiredService<IContactsApi>()
                .RecordArrivalAsync(contactId, Account, Guid.CreateVersion7(), $"#{again["code"]}", Host.Clock.GetUtcNow().UtcDateTime, default);
            await scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>().SaveChangesAsync(); // the inbox processor's commit
        }

        Assert.True(arrival.IsReturning);
        Assert.Equal((ProductId, TeamId, ana), (arrival.ProductId, arrival.TeamId, arrival.OwnerAgentId));
        Assert.Contains("maria@example.com already belongs to Maria Silva", arrival.ReturningReason, StringComparison.Ordinal);
        var arrivals = (await TimelineAsync(contactId)).Where(e => (string?)e!["kind"] == "whatsapp_arrival").Select(e => (string?)e!["text"]).ToList();
        Assert.Equal(
            [
                $"Contacted via WhatsApp for product Apartamentos. Matched to lead #{again["code"]} by its code.",
                $"Contacted via WhatsApp for product Apartamentos. Matched to lead #{first["code"]} by phone.",
            ],
            arrivals);
    }

    [Fact]
    public async Task A_WhatsApp_business_number_gives_a_wa_me_link_with_the_code_in_the_text()
    {
        var (response, body) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/channel-accounts", new
        {
            pluginId = "whatsapp-cloud",
            name = "Vendas WhatsApp",
            settings = new Dictionary<string, object?>
            {
                ["phoneNumberId"] = "106540352242922",
                ["displayPhoneNumber"] = "+55 11 4000-1234",
                ["wabaId"] = "102290129340398",
                ["accessToken"] = "EAAG-test-token",
                ["appSecret"] = AppSecret,
                ["verifyToken"] = VerifyToken,
            },
        });
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        var team = await CreateTeamAsync("Vendas Norte", IdOf(body));
        var product = await CreateProductAsync("Casas", "casas", team);

        var lead = await CreateLeadAsync("Maria Silva", "maria@example.com", "5511900000001", product);

        var text = Uri.EscapeDataString($"Olá! Tenho interesse em Casas. Meu código: #{lead["code"]}");
        Assert.Equal($"https://wa.me/551140001234?text={text}", (string?)lead["whatsAppUrl"]);
    }

    private async Task PublishAsync<TEvent>(TEvent domainEvent)
        where TEvent : IDomainEvent
    {
        using var scope = Host.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<IDomainEvents>().Raise(domainEvent);
        await scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>().SaveChangesAsync();
    }
}

public sealed class ContactsApiTestsOnSqlite() : ContactsApiTests(DatabaseKind.Sqlite);

public sealed class ContactsApiTestsOnPostgres() : ContactsApiTests(DatabaseKind.Postgres);
