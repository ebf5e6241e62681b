using System.Net;
using System.Text.Json.Nodes;
using ContactCenter.Channels.Inbox;
using ContactCenter.Channels.Sandbox;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using ContactCenter.Host.Tests.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Tickets;

/// <summary>
/// Tickets as agents make them (seed 003): "Criar chamado" from messages picked in a conversation, "Vincular a chamado" by
/// number, the ticket showing its messages, its history of changes, and who may see it.
/// </summary>
public abstract class TicketsTests(DatabaseKind kind) : RoutingTest(kind)
{
    private async Task<(Guid Conversation, string Phone, Guid Vendas, Guid Comercial, Guid Suporte, Guid Ana)> ArrangeAsync()
    {
        var vendas = await CreateNumberAsync("Vendas");
        var suporteNumber = await CreateNumberAsync("Suporte");
        var comercial = await CreateTeamAsync("Comercial", "auto", vendas);
        var suporte = await CreateTeamAsync("Suporte", "pool", suporteNumber);
        var ana = await CreateAgentAsync("ana", comercial);
        await CreateAgentAsync("carla", suporte);
        var conversation = await ArriveAsync(vendas, text: "Meu boleto veio errado");
        var phone = (string)(await ConversationAsync(conversation))["contact"]!["phone"]!;
        await WriteAsync(vendas, phone, "O valor está em dobro");
        await WriteAsync(vendas, phone, "Segue a foto do boleto");
        return (conversation, phone, vendas, comercial, suporte, ana);
    }

    private async Task WriteAsync(Guid number, string phone, string text)
    {
        using (var scope = Host.Services.CreateScope())
        {
            var sent = await scope.ServiceProvider.GetRequiredService<SandboxPhone>().SendTextAsync(number, new SandboxPhone.Person(phone, null), text, default);
            Assert.True(sent.IsSuccess, sent.Error?.Message);
        }

        await Host.Services.GetRequiredService<InboxProcessor>().DrainAsync();
    }

    private async Task<List<(Guid Id, string Text)>> MessagesAsync(HttpClient client, Guid conversation) =>
        [.. (await client.GetJsonAsync($"/api/v1/conversations/{conversation}/messages"))["items"]!.AsArray()
            .Select(m => (Guid.Parse((string)m!["id"]!), (string?)m["text"] ?? string.Empty))];

    private static string[] Texts(JsonNode messages) => [.. messages.AsArray().Select(m => (string)m!["text"]!)];

    [Fact]
    public async Task An_agent_opens_a_ticket_from_picked_messages_and_the_ticket_shows_them_the_contact_and_the_team()
    {
        var (conversation, phone, _, comercial, _, ana) = await ArrangeAsync();
        var client = await Host.LoginAsync("ana", Arrange.Password);
        var messages = await MessagesAsync(client, conversation);

        var (created, ticket) = await client.PostJsonAsync("/api/v1/tickets", new
        {
            title = "Boleto com valor em dobro",
            description = "Cliente recebeu boleto de dezembro com o dobro do valor.",
            priority = "high",
            conversationId = conversation,
            messageIds = new[] { messages[2].Id, messages[0].Id },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var number = (int)ticket["ticket"]!["number"]!;
        Assert.Equal($"/api/v1/tickets/{number}", created.Headers.Location?.OriginalString);
        Assert.Equal(("open", "high", 2), ((string?)ticket["ticket"]!["status"], (string?)ticket["ticket"]!["priority"], (int)ticket["ticket"]!["messageCount"]!));
        Assert.Equal(phone, (string?)ticket["ticket"]!["requester"]!["phone"]);
        Assert.Equal((comercial.ToString(), "Comercial"), ((string?)ticket["ticket"]!["teamId"], (string?)ticket["ticket"]!["teamName"]));
        Assert.Equal(("created", "ana", ana.ToString()), ((string?)ticket["history"]![0]!["field"], (string?)ticket["history"]![0]!["byName"], (string?)ticket["history"]![0]!["byId"]));

        // Oldest first, whatever order they were picked in.
        Assert.Equal(["Meu boleto veio errado", "Segue a foto do boleto"], Texts(await client.GetJsonAsync($"/api/v1/tickets/{number}/messages")));
        var ofConversation = (await client.GetJsonAsync($"/api/v1/conversations/{conversation}/tickets")).AsArray();
        Assert.Equal(number, (int)Assert.Single(ofConversation)!["number"]!);
    }

    [Fact]
    public async Task Linking_by_number_adds_the_new_messages_once_and_says_so_in_the_history()
    {
        var (conversation, _, _, _, _, _) = await ArrangeAsync();
        var client = await Host.LoginAsync("ana", Arrange.Password);
        var messages = await MessagesAsync(client, conversation);
        var (_, ticket) = await client.PostJsonAsync("/api/v1/tickets", new { title = "Segunda via", conversationId = conversation, messageIds = new[] { messages[0].Id } });
        var number = (int)ticket["ticket"]!["number"]!;

        var (linked, afterLink) = await client.PostJsonAsync($"/api/v1/tickets/{number}/messages", new { conversationId = conversation, messageIds = new[] { messages[0].Id, messages[1].Id } });
        var (again, afterRepeat) = await client.PostJsonAsync($"/api/v1/tickets/{number}/messages", new { conversationId = conversation, messageIds = new[] { messages[1].Id } });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (linked.StatusCode, again.StatusCode));
        Assert.Equal(2, (int)afterRepeat["ticket"]!["messageCount"]!);
        Assert.Equal(["created", "messages"], afterRepeat["history"]!.AsArray().Select(h => (string)h!["field"]!).ToArray());
        Assert.Equal("1", (string?)afterLink["history"]![1]!["to"]);
        Assert.Equal(["Meu boleto veio errado", "O valor está em dobro"], Texts(await client.GetJsonAsync($"/api/v1/tickets/{number}/messages")));

        var (unknown, problem) = await client.PostJsonAsync("/api/v1/tickets/999/messages", new { conversationId = conversation, messageIds = new[] { messages[2].Id } });
        Assert.Equal((HttpStatusCode.NotFound, "ticket_not_found"), (unknown.StatusCode, (string?)problem["code"]));
    }

    [Fact]
    public async Task Messages_of_another_conversation_are_refused_and_nothing_is_stored()
    {
        var (conversation, _, vendas, _, _, _) = await ArrangeAsync();
        var other = await ArriveAsync(vendas, text: "Outro cliente");
        var client = await Host.LoginAsync("ana", Arrange.Password);
        var foreign = (await MessagesAsync(client, other))[0].Id;

        var (refused, problem) = await client.PostJsonAsync("/api/v1/tickets", new { title = "Misturado", conversationId = conversation, messageIds = new[] { foreign } });
        var (untitled, noTitle) = await client.PostJsonAsync("/api/v1/tickets", new { title = " ", conversationId = conversation });

        Assert.Equal((HttpStatusCode.BadRequest, "validation_failed"), (refused.StatusCode, (string?)problem["code"]));
        Assert.NotNull(problem["errors"]!["messageIds"]);
        Assert.Equal(HttpStatusCode.BadRequest, untitled.StatusCode);
        Assert.NotNull(noTitle["errors"]!["title"]);
        Assert.Empty((await client.GetJsonAsync("/api/v1/tickets"))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_ticket_without_messages_is_allowed_and_without_a_conversation_it_needs_a_team()
    {
        var (conversation, _, _, _, suporte, _) = await ArrangeAsync();
        var admin = Host.CreateAdminClient();

        var (fromConversation, empty) = await admin.PostJsonAsync("/api/v1/tickets", new { title = "Ligar de volta", conversationId = conversation });
        var (withoutTeam, problem) = await admin.PostJsonAsync("/api/v1/tickets", new { title = "Interno" });
        var (withTeam, internalTicket) = await admin.PostJsonAsync("/api/v1/tickets", new { title = "Interno", teamId = suporte });

        Assert.Equal(HttpStatusCode.Created, fromConversation.StatusCode);
        Assert.Equal(0, (int)empty["ticket"]!["messageCount"]!);
        Assert.Equal(HttpStatusCode.BadRequest, withoutTeam.StatusCode);
        Assert.NotNull(problem["errors"]!["teamId"]);
        Assert.Equal(HttpStatusCode.Created, withTeam.StatusCode);
        Assert.Null(internalTicket["ticket"]!["requester"]);
    }

    [Fact]
    public async Task An_agent_sees_only_the_tickets_of_their_teams()
    {
        var (conversation, _, _, _, suporte, _) = await ArrangeAsync();
        var ana = await Host.LoginAsync("ana", Arrange.Password);
        var carla = await Host.LoginAsync("carla", Arrange.Password);
        var (_, comercialTicket) = await ana.PostJsonAsync("/api/v1/tickets", new { title = "Do comercial", conversationId = conversation });
        var (_, suporteTicket) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/tickets", new { title = "Do suporte", teamId = suporte });
        var comercialNumber = (int)comercialTicket["ticket"]!["number"]!;

        var carlaList = (await carla.GetJsonAsync("/api/v1/tickets"))["items"]!.AsArray().Select(t => (string)t!["title"]!).ToArray();
        var anaList = (await ana.GetJsonAsync("/api/v1/tickets"))["items"]!.AsArray().Select(t => (string)t!["title"]!).ToArray();
        var carlaGet = await carla.GetAsync($"/api/v1/tickets/{comercialNumber}");
        var carlaMessages = await carla.GetAsync($"/api/v1/tickets/{comercialNumber}/messages");
        var (carlaPatch, _) = await carla.PatchJsonAsync($"/api/v1/tickets/{comercialNumber}", new { status = "solved" });
        var adminList = (await Host.CreateAdminClient().GetJsonAsync("/api/v1/tickets"))["items"]!.AsArray();

        Assert.Equal(["Do suporte"], carlaList);
        Assert.Equal(["Do comercial"], anaList);
        Assert.Equal(HttpStatusCode.NotFound, carlaGet.StatusCode);
        Assert.Equal("ticket_not_found", (string?)(await carlaGet.ReadJsonAsync())["code"]);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (carlaMessages.StatusCode, carlaPatch.StatusCode));
        Assert.Equal(2, adminList.Count);
        Assert.Equal((int)suporteTicket["ticket"]!["number"]!, (int)adminList[0]!["number"]!); // newest first
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.CreateClient().GetAsync("/api/v1/tickets")).StatusCode);
    }

    [Fact]
    public async Task Status_priority_and_assignee_changes_are_kept_in_the_history_and_a_closed_ticket_is_reopened_only_by_a_supervisor()
    {
        var (conversation, _, _, comercial, _, ana) = await ArrangeAsync();
        var sofia = await Host.CreateUserAsync("sofia", "supervisor", "Sofia");
        await Host.SetMembersAsync(comercial, ana, sofia);
        var client = await Host.LoginAsync("ana", Arrange.Password);
        var (_, opened) = await client.PostJsonAsync("/api/v1/tickets", new { title = "Troca de titular", conversationId = conversation });
        var number = (int)opened["ticket"]!["number"]!;

        var (taken, _) = await client.PatchJsonAsync($"/api/v1/tickets/{number}", new { assigneeId = ana, status = "pending" });
        var mine = (await client.GetJsonAsync("/api/v1/tickets?assignee=me&status=pending,open"))["items"]!.AsArray();
        var (closed, closedTicket) = await client.PatchJsonAsync($"/api/v1/tickets/{number}", new { status = "closed", priority = "urgent" });
        var (reopenByAgent, refusal) = await client.PatchJsonAsync($"/api/v1/tickets/{number}", new { status = "open" });
        var (reopenBySupervisor, reopened) = await (await Host.LoginAsync("sofia", Arrange.Password)).PatchJsonAsync($"/api/v1/tickets/{number}", new { status = "open" });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (taken.StatusCode, closed.StatusCode));
        Assert.Equal(number, (int)Assert.Single(mine)!["number"]!);
        Assert.Equal(("closed", "urgent"), ((string?)closedTicket["ticket"]!["status"], (string?)closedTicket["ticket"]!["priority"]));
        Assert.Equal((HttpStatusCode.Conflict, "ticket_closed"), (reopenByAgent.StatusCode, (string?)refusal["code"]));
        Assert.Equal(HttpStatusCode.OK, reopenBySupervisor.StatusCode);
        var history = reopened["history"]!.AsArray().Select(h => ((string)h!["field"]!, (string?)h["from"], (string?)h["to"], (string?)h["byName"])).ToArray();
        Assert.Equal(
            [
                ("created", null, "Troca de titular", "ana"),
                ("status", "open", "pending", "ana"),
                ("assignee", null, "ana", "ana"),
                ("status", "pending", "closed", "ana"),
                ("priority", "normal", "urgent", "ana"),
                ("status", "closed", "open", "Sofia"),
            ],
            history);
    }

    [Fact]
    public async Task The_contacts_timeline_shows_the_ticket_opened_and_its_status_changes()
    {
        var (conversation, _, _, _, _, _) = await ArrangeAsync();
        var client = await Host.LoginAsync("ana", Arrange.Password);
        var contact = (string)(await ConversationAsync(conversation))["contact"]!["id"]!;
        var (_, ticket) = await client.PostJsonAsync("/api/v1/tickets", new { title = "Boleto em dobro", conversationId = conversation });
        var number = (int)ticket["ticket"]!["number"]!;
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        await client.PatchJsonAsync($"/api/v1/tickets/{number}", new { status = "solved" });

        var timeline = (await Host.CreateAdminClient().GetJsonAsync($"/api/v1/contacts/{contact}/timeline"))["items"]!.AsArray();

        var opened = timeline.Single(e => (string?)e!["kind"] == "ticket_opened")!;
        var solved = timeline.Single(e => (string?)e!["kind"] == "ticket_status")!;
        Assert.Equal($"Ticket #{number} opened by ana: Boleto em dobro", (string?)opened["text"]);
        Assert.Equal(conversation.ToString(), (string?)opened["conversationId"]);
        Assert.Equal($"Ticket #{number}: Open → Solved by ana", (string?)solved["text"]);
    }

    [Fact]
    public async Task Tickets_opened_at_the_same_time_get_numbers_of_their_own()
    {
        var (_, _, _, comercial, _, _) = await ArrangeAsync();
        var admin = Host.CreateAdminClient();

        var responses = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => admin.PostJsonAsync("/api/v1/tickets", new { title = $"Chamado {i}", teamId = comercial })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.Response.StatusCode));
        Assert.Equal(Enumerable.Range(1, 8), responses.Select(r => (int)r.Body["ticket"]!["number"]!).Order());
        var found = (await admin.GetJsonAsync("/api/v1/tickets?q=%235"))["items"]!.AsArray();
        Assert.Equal(5, (int)Assert.Single(found)!["number"]!);
    }
}

public sealed class TicketsTestsOnSqlite() : TicketsTests(DatabaseKind.Sqlite);

public sealed class TicketsTestsOnPostgres() : TicketsTests(DatabaseKind.Postgres);
