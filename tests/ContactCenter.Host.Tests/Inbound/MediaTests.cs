using System.Net;
using System.Security.Cryptography;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;

namespace ContactCenter.Host.Tests.Inbound;

public abstract class MediaTests(DatabaseKind kind) : InboundTest(kind)
{
    [Fact]
    public async Task Received_media_is_downloaded_at_once_and_served_only_to_who_may_see_the_conversation()
    {
        var bytes = RandomNumberGenerator.GetBytes(3000);
        Graph.Files["media-photo-1"] = (bytes, "image/jpeg");
        var account = await CreateAccountAsync();

        await PostWebhookAsync(account, Envelope(Inner("wamid.img1", "image",
            """{"id":"media-photo-1","mime_type":"image/jpeg","caption":"A fachada"}""")));
        await ProcessAsync();

        var message = await SingleMessageAsync("wamid.img1");
        Assert.Equal(("image", "A fachada"), ((string?)message["type"], (string?)message["text"]));
        var media = message["media"]!;
        Assert.True((bool)media["downloaded"]!);
        Assert.Equal(("image/jpeg", 3000L, "A fachada"), ((string?)media["mimeType"], (long?)media["size"], (string?)media["caption"]));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), (string?)media["sha256"]);
        var url = (string)media["url"]!;

        var download = await Host.CreateAdminClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        var stored = Directory.GetFiles(Path.Combine(Host.Database.DataDirectory, "media"), "*", SearchOption.AllDirectories);
        Assert.Equal(bytes, File.ReadAllBytes(Assert.Single(stored)));

        // An agent of no team may not see this unassigned conversation, nor its messages and files.
        await Host.CreateUserAsync("bia", "agent");
        var agent = await Host.LoginAsync("bia", Arrange.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/api/v1/conversations/{message["conversationId"]}/messages")).StatusCode);
        Assert.Empty(await MessagesAsync("wamid.img1", agent));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.CreateClient().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_failed_download_stays_pending_and_is_retried_later()
    {
        var account = await CreateAccountAsync();

        await PostWebhookAsync(account, Envelope(Inner("wamid.doc1", "document",
            """{"id":"media-doc-1","mime_type":"application/pdf","filename":"proposta.pdf"}""")));
        await ProcessAsync(); // the fake Graph does not know the file yet: 404

        var media = (await SingleMessageAsync("wamid.doc1"))["media"]!;
        Assert.False((bool)media["downloaded"]!);
        Assert.Equal("proposta.pdf", (string?)media["fileName"]);
        Assert.Equal(HttpStatusCode.Conflict, (await Host.CreateAdminClient().GetAsync((string)media["url"]!)).StatusCode);

        Graph.Files["media-doc-1"] = ("%PDF-1.4"u8.ToArray(), "application/pdf");
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        await ProcessAsync();

        var download = await Host.CreateAdminClient().GetAsync((string)media["url"]!);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("%PDF-1.4"u8.ToArray(), await download.Content.ReadAsByteArrayAsync());
    }
}

public sealed class MediaTestsOnSqlite() : MediaTests(DatabaseKind.Sqlite);

public sealed class MediaTestsOnPostgres() : MediaTests(DatabaseKind.Postgres);
