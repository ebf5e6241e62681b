using System.Net;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Inbound;

public abstract class MessagePagingTests(DatabaseKind kind) : InboundTest(kind)
{
    [Fact]
    public async Task A_long_history_comes_in_keyset_pages_oldest_first_without_gaps_or_repeats()
    {
        var account = await CreateAccountAsync();
        var at = Host.Clock.GetUtcNow();
        // 130 messages in one webhook, many sharing a second (the id breaks the ties).
        var inner = string.Join(",", Enumerable.Range(1, 130).Select(i => Inner($"wamid.p{i:D3}", "text", $$"""{"body":"{{i}}"}""", at.AddSeconds(i / 10))));
        await PostWebhookAsync(account, Envelope(inner));
        await ProcessAsync();
        var conversationId = (string?)(await SingleMessageAsync("wamid.p001"))["conversationId"];
        var admin = Host.CreateAdminClient();

        var first = await admin.GetJsonAsync($"/api/v1/conversations/{conversationId}/messages");
        var cursor = (string?)first["nextCursor"];
        Assert.NotNull(cursor);
        var second = await admin.GetJsonAsync($"/api/v1/conversations/{conversationId}/messages?cursor={Uri.EscapeDataString(cursor)}");
        Assert.Null((string?)second["nextCursor"]);

        var texts = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(m => int.Parse((string)m!["text"]!)).ToList();
        Assert.Equal(130, texts.Count);
        Assert.Equal(130, texts.Distinct().Count());
        var times = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(m => (DateTime)m!["createdAt"]!).ToList();
        Assert.Equal(times.Order(), times);

        var bad = await admin.GetAsync($"/api/v1/conversations/{conversationId}/messages?cursor=nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("validation_failed", (string?)(await bad.ReadJsonAsync())["code"]);
    }
}

public sealed class MessagePagingTestsOnSqlite() : MessagePagingTests(DatabaseKind.Sqlite);

public sealed class MessagePagingTestsOnPostgres() : MessagePagingTests(DatabaseKind.Postgres);
