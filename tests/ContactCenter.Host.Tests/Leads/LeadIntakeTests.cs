using System.Collections.Concurrent;
using System.Net;
using ContactCenter.Channels.Inbox;
using ContactCenter.Channels.Sandbox;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Leads;

/// <summary>Seed 000/002/004: a lead from a form or integration is matched to the person's first WhatsApp message.</summary>
public abstract class LeadIntakeTests(DatabaseKind kind) : LeadsTest(kind)
{
    [Fact]
    public async Task A_lead_is_matched_by_its_code_even_when_the_typed_phone_was_wrong_and_one_contact_remains()
    {
        var lead = await CreateLeadAsync("Maria Silva", "Maria@Example.com", "+55 11 98888-0001");
        var code = (string)lead["code"]!;
        Assert.Matches("^[A-Z0-9]{6}$", code);
        Assert.False((bool)lead["isReturning"]!);
        // A Sandbox team: the link opens the public sandbox phone of the number typed (+55 added), signed, no login.
        Assert.StartsWith("/s/", (string?)lead["whatsAppUrl"], StringComparison.Ordinal);
        var granted = Host.Services.GetRequiredService<SandboxLinks>().Read(((string)lead["whatsAppUrl"]!)["/s/".Length..]).Value!;
        Assert.Equal((Account, "5511988880001", "Maria Silva"), (granted.AccountId, granted.Phone, granted.Name));

        Host.Clock.Advance(TimeSpan.FromMinutes(3));
        await WriteOnWhatsAppAsync("5511999990001", $"Olá! Tenho interesse. Meu código: #{code.ToLowerInvariant()}", "Maria S.");

        var contact = Assert.Single(await ContactsAsync())!;
        Assert.Equal(("Maria Silva", "maria@example.com", "5511999990001"), ((string?)contact["displayName"], (string?)contact["email"], (string?)contact["phone"]));
        var detail = await ContactAsync(IdOf(contact));
        var reached = Assert.Single(detail["leads"]!.AsArray())!;
        Assert.Equal(code, (string?)reached["code"]);
        Assert.NotNull((string?)reached["reachedWhatsAppAt"]);
        Assert.Equal(TeamId, IdOf(detail, "teamId"));
        var timeline = await TimelineAsync(IdOf(contact));
        Assert.Contains(timeline, e => (string?)e!["kind"] == "whatsapp_arrival"
            && ((string)e["text"]!).Contains("Contacted via WhatsApp for product Apartamentos", StringComparison.Ordinal)
            && ((string)e["text"]!).Contains($"#{code} by its code", StringComparison.Ordinal));
        Assert.Contains(timeline, e => (string?)e!["kind"] == "lead_received");

        // Reached: no call-back task, however long we wait.
        Host.Clock.Advance(TimeSpan.FromMinutes(30));
        await RunUnansweredLeadsAsync();
        Assert.Empty(await TasksAsync());
    }

    [Fact]
    public async Task A_lead_is_matched_by_phone_when_the_message_has_no_code()
    {
        await CreateLeadAsync("João Souza", "joao@example.com", "(11) 99999-0002");

        await WriteOnWhatsAppAsync("5511999990002", "Bom dia, vi o anúncio");

        var contact = Assert.Single(await ContactsAsync("joão"))!;
        Assert.Equal("5511999990002", (string?)contact["phone"]);
        var lead = Assert.Single((await ContactAsync(IdOf(contact)))["leads"]!.AsArray())!;
        Assert.NotNull((string?)lead["reachedWhatsAppAt"]);
        Assert.Contains(await TimelineAsync(IdOf(contact)), e => ((string)e!["text"]!).EndsWith("by phone.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stored_contacts_opening_conversations_in_one_batch_are_matched_to_their_leads_and_told_returning()
    {
        // One inbox batch: a form contact's first message (its lead matched by phone), a contact who wrote before on
        // another number (returning), a new phone. The batch reads the stored contacts' leads and arrivals at once.
        var joao = await CreateLeadAsync("João Lima", "joao.lima@example.com", "(11) 99999-0031");
        await WriteOnWhatsAppAsync("5511999990032", "Oi, sou a Carla");
        var other = await Host.CreateSandboxChannelAsync("Loja Norte");
        var processor = Host.Services.GetRequiredService<InboxProcessor>();
        await processor.StopAsync(TestContext.Current.CancellationToken);
        var batches = new ConcurrentQueue<IReadOnlyList<Guid>>();
        processor.Committed = batches.Enqueue;
        using (var scope = Host.Services.CreateScope())
        {
            var phone = scope.ServiceProvider.GetRequiredService<SandboxPhone>();
            foreach (var (account, number, text) in new[]
            {
                (Account, "5511999990031", "Bom dia, vi o anúncio"),
                (other, "5511999990032", "Olá de novo"),
                (Account, "5511999990033", "Quanto custa?"),
            })
            {
                var sent = await phone.SendTextAsync(account, new SandboxPhone.Person(number, "Cliente"), text, default);
                Assert.True(sent.IsSuccess, sent.Error?.Message);
            }
        }

        await ProcessAsync();

        Assert.Equal(3, Assert.Single(batches).Count);
        var joaoContact = Assert.Single(await ContactsAsync("joão lima"))!;
        var lead = Assert.Single((await ContactAsync(IdOf(joaoContact)))["leads"]!.AsArray())!;
        Assert.Equal((string?)joao["code"], (string?)lead["code"]);
        Assert.NotNull((string?)lead["reachedWhatsAppAt"]);
        var joaoArrival = Assert.Single(await TimelineAsync(IdOf(joaoContact)), e => (string?)e!["kind"] == "whatsapp_arrival")!;
        Assert.Equal($"Contacted via WhatsApp for product Apartamentos. Matched to lead #{joao["code"]} by phone.", (string?)joaoArrival["text"]);
        Assert.DoesNotContain(await TimelineAsync(IdOf(joaoContact)), e => (string?)e!["kind"] == "returning_notice");

        var carla = Assert.Single(await ContactsAsync("5511999990032"))!;
        var carlaTimeline = await TimelineAsync(IdOf(carla));
        Assert.Equal(2, carlaTimeline.Count(e => (string?)e!["kind"] == "whatsapp_arrival"));
        Assert.Equal("Returning contact: This contact has written to us on WhatsApp before.",
            (string?)Assert.Single(carlaTimeline, e => (string?)e!["kind"] == "returning_notice")!["text"]);

        var fresh = Assert.Single(await ContactsAsync("5511999990033"))!;
        Assert.DoesNotContain(await TimelineAsync(IdOf(fresh)), e => (string?)e!["kind"] == "returning_notice");
    }

    [Fact]
    public async Task A_lead_that_never_reaches_WhatsApp_becomes_a_task_after_fifteen_minutes_and_only_once()
    {
        var lead = await CreateLeadAsync("Carla Dias", "carla@example.com", "5511977770003");
        await WriteOnWhatsAppAsync("5511999990009", "Oi, quero informações"); // someone else, no code

        Host.Clock.Advance(TimeSpan.FromMinutes(14));
        await RunUnansweredLeadsAsync();
        Assert.Empty(await TasksAsync());

        Host.Clock.Advance(TimeSpan.FromMinutes(2));
        await RunUnansweredLeadsAsync();
        await RunUnansweredLeadsAsync();

        var task = Assert.Single(await TasksAsync("?status=open"))!;
        Assert.Equal(("Carla Dias", "5511977770003", "carla@example.com", "Apartamentos"),
            ((string?)task["name"], (string?)task["phone"], (string?)task["email"], (string?)task["productName"]));
        Assert.Equal(TeamId, IdOf(task, "teamId"));
        var contactId = IdOf(lead, "contactId");
        Assert.Contains(await TimelineAsync(contactId), e => (string?)e!["kind"] == "task_created"
            && ((string)e["text"]!).Contains("did not reach WhatsApp within 16 minutes", StringComparison.Ordinal));

        var (done, body) = await Host.CreateAdminClient().PostJsonAsync($"/api/v1/tasks/{task["id"]}/done", new { note = "Liguei, vai escrever amanhã" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("done", (string?)body["status"]);
        Assert.Empty(await TasksAsync("?status=open"));
        Assert.Contains(await TimelineAsync(contactId), e => ((string)e!["text"]!).Contains("Liguei, vai escrever amanhã", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_known_phone_with_a_new_email_is_shown_as_returning_and_says_whose_phone_it_is()
    {
        var first = await CreateLeadAsync("Ana Lima", "ana@example.com", "5511955550004");

        var second = await CreateLeadAsync("Ana L.", "ana.lima@trabalho.com", "+55 (11) 95555-0004");

        Assert.True((bool)second["isReturning"]!);
        Assert.Equal("This phone already belongs to Ana Lima <ana@example.com>.", (string?)second["returningReason"]);
        Assert.Equal(IdOf(first, "contactId"), IdOf(second, "contactId"));
        Assert.NotEqual((string?)first["code"], (string?)second["code"]);
    }

    [Fact]
    public async Task The_same_email_makes_a_returning_contact_whatever_the_phone()
    {
        var first = await CreateLeadAsync("Pedro Alves", "pedro@example.com", "5511944440005");

        var again = await CreateLeadAsync("Pedro", "PEDRO@example.com ", "5521944440006");

        Assert.True((bool)again["isReturning"]!);
        Assert.Contains("pedro@example.com already belongs to Pedro Alves", (string?)again["returningReason"], StringComparison.Ordinal);
        Assert.Equal(IdOf(first, "contactId"), IdOf(again, "contactId"));
        Assert.Equal(2, (await ContactAsync(IdOf(first, "contactId")))["leads"]!.AsArray().Count);
        Assert.Contains(await TimelineAsync(IdOf(first, "contactId")), e => (string?)e!["kind"] == "returning_notice");
    }

    [Fact]
    public async Task A_contact_of_another_team_is_refused_with_a_message_naming_the_team()
    {
        var otherTeam = await CreateTeamAsync("Locação Sul");
        var otherProduct = await CreateProductAsync("Aluguel", "aluguel", otherTeam);
        await CreateLeadAsync("Rita Melo", "rita@example.com", "5511933330007");

        var (response, problem) = await PostLeadAsync("Rita Melo", "rita@example.com", "5511933330007", productId: otherProduct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("contact_in_another_team", (string?)problem["code"]);
        Assert.Contains("already belongs to the team Vendas Centro", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Contains("Locação Sul", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fields_are_checked_together_and_a_wrong_CPF_is_refused_while_a_valid_one_is_kept()
    {
        var (response, problem) = await PostLeadAsync("", "not-an-email", "12", cpf: "123.456.789-00");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", (string?)problem["code"]);
        Assert.Equal(["cpf", "email", "name", "phone"], problem["errors"]!.AsObject().Select(p => p.Key).Order());
        Assert.Empty(await ContactsAsync());

        var lead = await CreateLeadAsync("Beto Reis", "beto@example.com", "5511922220008");
        var (withCpf, body) = await PostLeadAsync("Beto Reis", "beto@example.com", "5511922220008", cpf: "529.982.247-25");
        Assert.Equal(HttpStatusCode.Created, withCpf.StatusCode);
        Assert.Equal("52998224725", (string?)(await ContactAsync(IdOf(lead, "contactId")))["cpf"]);
        Assert.Equal(IdOf(lead, "contactId"), IdOf(body, "contactId"));
    }

    [Fact]
    public async Task Add_as_lead_from_an_unknown_WhatsApp_conversation_uses_the_contacts_phone_and_needs_no_call_back()
    {
        await WriteOnWhatsAppAsync("5511911110010", "Oi, vocês têm apartamento de 2 quartos?", "Lu");
        var unknown = Assert.Single(await ContactsAsync())!;
        Assert.Equal("Lu", (string?)unknown["displayName"]);

        var (response, lead) = await PostLeadAsync("Luciana Prado", "lu@example.com", "", contactId: IdOf(unknown));

        Assert.True(response.StatusCode == HttpStatusCode.Created, lead.ToJsonString());
        var contact = await ContactAsync(IdOf(unknown));
        Assert.Equal(("Luciana Prado", "lu@example.com", "5511911110010"), ((string?)contact["displayName"], (string?)contact["email"], (string?)contact["phone"]));
        Host.Clock.Advance(TimeSpan.FromMinutes(20));
        await RunUnansweredLeadsAsync();
        Assert.Empty(await TasksAsync());
    }
}

public sealed class LeadIntakeTestsOnSqlite() : LeadIntakeTests(DatabaseKind.Sqlite);

public sealed class LeadIntakeTestsOnPostgres() : LeadIntakeTests(DatabaseKind.Postgres);
