using System.Net;
using System.Text.Json.Nodes;
using ContactCenter.Host.Tests.Inbound;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Messaging;

/// <summary>
/// The outbox writes the outcomes of a batch of sends together (issue 10): every agent sees their own reply turn
/// "sent", and one the provider refused does not, exactly as when replies go out one by one.
/// </summary>
public abstract class SendManyRepliesTests(DatabaseKind kind) : InboundTest(kind)
{
    [Fact]
    public async Task Replies_in_several_conversations_sent_together_each_turn_sent_and_the_refused_one_does_not()
    {
        var account = await CreateAccountAsync();
        var phones = Enumerable.Range(0, 6).Select(i => $"55119{i:D8}").ToList();
        foreach (var (phone, i) in phones.Select((p, i) => (p, i)))
        {
            await PostWebhookAsync(account, Text($"wamid.in-many-{i}", "Oi, ainda tem o apartamento?", from: phone));
        }

        await ProcessAsync();
        var admin = Host.CreateAdminClient();
        var replies = new Dictionary<string, string>();
        foreach (var (phone, i) in phones.Select((p, i) => (p, i)))
        {
            var conversation = (string)(await SingleMessageAsync($"wamid.in-many-{i}"))["conversationId"]!;
            var (accepted, reply) = await admin.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = $"Tem sim, {phone}!" });
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            replies[conversation] = (string)reply["id"]!;
        }

        // One more reply whose upload fails at the fake Graph API (it has no upload endpoint): refused, not sent.
        var last = replies.Keys.Last();
        var (_, picture) = await admin.PostJsonAsync($"/api/v1/conversations/{last}/messages", new
        {
            media = new { kind = "image", dataBase64 = Convert.ToBase64String([1, 2, 3]), mimeType = "image/png", fileName = "planta.png" },
        });

        await SendAllAsync();

        Assert.Equal(phones.Count, Graph.SentBodies.Count);
        Assert.Equal(phones, Graph.SentBodies.Select(b => ((string?)JsonNode.Parse(b)!["to"])!.TrimStart('+')).Order());
        foreach (var (conversation, replyId) in replies)
        {
            var messages = (await admin.GetJsonAsync($"/api/v1/conversations/{conversation}/messages"))["items"]!.AsArray();
            Assert.Equal("sent", (string?)messages.Single(m => (string?)m!["id"] == replyId)!["status"]);
        }

        var lastMessages = (await admin.GetJsonAsync($"/api/v1/conversations/{last}/messages"))["items"]!.AsArray();
        Assert.NotEqual("sent", (string?)lastMessages.Single(m => (string?)m!["id"] == (string?)picture["id"])!["status"]);
    }
}

public sealed class SendManyRepliesTestsOnSqlite() : SendManyRepliesTests(DatabaseKind.Sqlite);

public sealed class SendManyRepliesTestsOnPostgres() : SendManyRepliesTests(DatabaseKind.Postgres);
