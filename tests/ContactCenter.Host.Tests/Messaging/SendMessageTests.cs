using System.Net;
using System.Text.Json.Nodes;
using ContactCenter.Channels.Outbound;
using ContactCenter.Host.Tests.Inbound;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Messaging;

/// <summary>An agent's reply end to end: webhook in, reply out through the outbox, the provider's ticks back.</summary>
public abstract class SendMessageTests(DatabaseKind kind) : InboundTest(kind)
{
    [Fact]
    public async Task The_contact_reads_the_agents_name_before_their_text_but_not_on_a_picture_nor_from_an_api_key()
    {
        var account = await CreateAccountAsync();
        var (ana, _) = await AgentAsync("ana", account);
        var conversation = await ConversationAsync(account, "wamid.in-sign");

        var (typed, reply) = await ana.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "Temos sim! Posso ligar?" });
        var (picture, _) = await ana.PostJsonAsync($"/api/v1/conversations/{conversation}/messages",
            new { media = new { kind = "image", url = "https://example.test/planta.jpg", caption = "A planta" } });
        var (byKey, _) = await Host.CreateAdminClient().PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "Mensagem automática" });
        await SendAllAsync();

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted), (typed.StatusCode, picture.StatusCode, byKey.StatusCode));
        var bodies = Graph.SentBodies.Select(b => JsonNode.Parse(b)!).ToList();
        Assert.Equal("*ana:* Temos sim! Posso ligar?", (string?)bodies.Single(b => (string?)b["type"] == "text" && ((string?)b["text"]!["body"])!.Contains("Posso"))["text"]!["body"]);
        Assert.Equal("A planta", (string?)bodies.Single(b => (string?)b["type"] == "image")["image"]!["caption"]);
        Assert.Equal("Mensagem automática", (string?)bodies.Single(b => ((string?)b["text"]?["body"])?.Contains("automática") == true)["text"]!["body"]);
        // The thread keeps what the agent typed; the bubble already says who wrote it.
        Assert.Equal("Temos sim! Posso ligar?", (string?)reply["text"]);
    }

    [Fact]
    public async Task A_reply_is_queued_sent_once_and_shows_the_providers_ticks()
    {
        var account = await CreateAccountAsync();
        await PostWebhookAsync(account, Text("wamid.in-1", "Oi, tem apartamento de 2 quartos?"));
        await ProcessAsync();
        var conversation = (string)(await SingleMessageAsync("wamid.in-1"))["conversationId"]!;
        var admin = Host.CreateAdminClient();

        var (accepted, reply) = await admin.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "Temos sim! Posso ligar?" });

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("pending", (string?)reply["status"]);
        Assert.Equal("outbound", (string?)reply["direction"]);
        await SendAllAsync();
        await SendAllAsync(); // a second round must not send it again
        var sent = Assert.Single(Graph.SentBodies);
        Assert.Equal("5511988887777", ((string?)JsonNode.Parse(sent)!["to"])?.TrimStart('+'));
        Assert.Equal("Temos sim! Posso ligar?", (string?)JsonNode.Parse(sent)!["text"]!["body"]);
        var stored = await SingleMessageAsync("wamid.out-1");
        Assert.Equal("sent", (string?)stored["status"]);
        Assert.Equal((string?)reply["id"], (string?)stored["id"]);

        var at = Host.Clock.GetUtcNow().ToUnixTimeSeconds();
        await PostWebhookAsync(account, Status("wamid.out-1", "read", at + 5));
        await PostWebhookAsync(account, Status("wamid.out-1", "delivered", at + 2)); // late, out of order
        await ProcessAsync();

        Assert.Equal("read", (string?)(await SingleMessageAsync("wamid.out-1"))["status"]);
    }

    [Fact]
    public async Task Outside_the_24_hour_window_a_reply_is_refused_and_nothing_is_queued()
    {
        var account = await CreateAccountAsync();
        await PostWebhookAsync(account, Text("wamid.in-2", "Bom dia"));
        await ProcessAsync();
        var conversation = (string)(await SingleMessageAsync("wamid.in-2"))["conversationId"]!;
        Host.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        var (refused, problem) = await Host.CreateAdminClient().PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "Ainda aí?" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("window_closed", (string?)problem["code"]);
        await SendAllAsync();
        Assert.Empty(Graph.SentBodies);
        var messages = (await Host.CreateAdminClient().GetJsonAsync($"/api/v1/conversations/{conversation}/messages"))["items"]!.AsArray();
        Assert.Single(messages);
    }

    [Fact]
    public async Task A_provider_refusal_shows_the_reason_on_the_message()
    {
        var account = await CreateAccountAsync();
        await PostWebhookAsync(account, Text("wamid.in-3", "Olá", from: "5511911112222"));
        await ProcessAsync();
        var conversation = (string)(await SingleMessageAsync("wamid.in-3"))["conversationId"]!;
        var (_, reply) = await Host.CreateAdminClient().PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new
        {
            media = new { kind = "image", dataBase64 = Convert.ToBase64String([1, 2, 3]), mimeType = "image/png", fileName = "planta.png", caption = "A planta" },
        });

        await SendAllAsync(); // the fake Graph API has no upload endpoint: the upload fails

        var messages = (await Host.CreateAdminClient().GetJsonAsync($"/api/v1/conversations/{conversation}/messages"))["items"]!.AsArray();
        var stored = messages.Single(m => (string?)m!["id"] == (string?)reply["id"])!;
        Assert.Equal("image", (string?)stored["type"]);
        Assert.Equal("planta.png", (string?)stored["media"]!["fileName"]);
        Assert.NotEqual("sent", (string?)stored["status"]);
    }

    [Fact]
    public async Task An_agent_cannot_reply_in_a_conversation_they_may_not_see()
    {
        var account = await CreateAccountAsync();
        await PostWebhookAsync(account, Text("wamid.in-4", "Oi"));
        await ProcessAsync();
        var conversation = (string)(await SingleMessageAsync("wamid.in-4"))["conversationId"]!;
        await Host.CreateUserAsync("tiago", "agent");
        var tiago = await Host.LoginAsync("tiago", Arrange.Password);

        var (response, problem) = await tiago.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "Oi!" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (string?)problem["code"]);
    }

    [Fact]
    public async Task An_empty_reply_is_refused_with_the_field_named()
    {
        var account = await CreateAccountAsync();
        await PostWebhookAsync(account, Text("wamid.in-5", "Oi"));
        await ProcessAsync();
        var conversation = (string)(await SingleMessageAsync("wamid.in-5"))["conversationId"]!;

        var (response, problem) = await Host.CreateAdminClient().PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("text"));
    }
}

public sealed class SendMessageTestsOnSqlite() : SendMessageTests(DatabaseKind.Sqlite);

public sealed class SendMessageTestsOnPostgres() : SendMessageTests(DatabaseKind.Postgres);
