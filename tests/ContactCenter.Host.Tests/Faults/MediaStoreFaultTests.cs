using System.Net;
using System.Security.Cryptography;
using ContactCenter.Conversations.Media;
using ContactCenter.Conversations.Ui;
using ContactCenter.Host.Tests.Inbound;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;

namespace ContactCenter.Host.Tests.Faults;

/// <summary>
/// The media store cannot write (disk full, read-only, or — as here, which fails the same way for any user, root
/// included — a file where its folder belongs): messages with pictures are still kept with their text, shown as
/// "mídia pendente", and the download is tried again by itself until the store takes it, however long that is.
/// </summary>
public abstract class MediaStoreFaultTests(DatabaseKind kind) : InboundTest(kind)
{
    [Fact]
    public async Task Messages_are_kept_with_media_pending_while_the_store_cannot_write_and_the_files_arrive_once_it_can()
    {
        var account = await CreateAccountAsync();
        var store = Path.Combine(Host.Database.DataDirectory, "media");
        if (Directory.Exists(store))
        {
            Directory.Delete(store, recursive: true);
        }

        await File.WriteAllTextAsync(store, "not a folder: the media store cannot write here", TestContext.Current.CancellationToken);

        var files = Enumerable.Range(0, 5).ToDictionary(i => $"wamid.photo-{i}", i => (Media: $"media-photo-{i}", Bytes: RandomNumberGenerator.GetBytes(2000 + i)));
        foreach (var (id, file) in files)
        {
            Graph.Files[file.Media] = (file.Bytes, "image/jpeg");
            var response = await PostWebhookAsync(account, Envelope(
                Inner(id, "image", $$"""{"id":"{{file.Media}}","mime_type":"image/jpeg","caption":"Foto {{id}}"}""", from: "551198888000" + id[^1]),
                from: "551198888000" + id[^1]));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await ProcessAsync();

        // Kept: text and metadata, the file pending and not served, whatever the number of tries (store failures are not
        // the provider's: they never use up the download attempts).
        for (var round = 0; round < MediaFetcher.MaxAttempts + 2; round++)
        {
            Host.Clock.Advance(MediaFetcher.StoreRetryInterval);
            await ProcessAsync();
        }

        foreach (var (id, _) in files)
        {
            var message = await SingleMessageAsync(id);
            Assert.Equal(("image", $"Foto {id}"), ((string?)message["type"], (string?)message["text"]));
            var media = message["media"]!;
            Assert.Equal(("pending", false, "image/jpeg"), ((string?)media["state"], (bool)media["downloaded"]!, (string?)media["mimeType"]));
            Assert.Equal(HttpStatusCode.Conflict, (await Host.CreateAdminClient().GetAsync((string)media["url"]!, TestContext.Current.CancellationToken)).StatusCode);
        }

        await Host.CreateUserAsync("chefe", "admin");
        var conversation = Guid.Parse((string)(await SingleMessageAsync("wamid.photo-0"))["conversationId"]!);
        var page = await Host.RenderAsync<HistoryThreadPage>("chefe", "pt-BR", new Dictionary<string, object?> { ["Id"] = conversation });
        Assert.Contains("(mídia pendente)", page, StringComparison.Ordinal);
        Assert.Contains("Foto wamid.photo-0", page, StringComparison.Ordinal);
        var english = await Host.RenderAsync<HistoryThreadPage>("chefe", "en", new Dictionary<string, object?> { ["Id"] = conversation });
        Assert.Contains("(media pending)", english, StringComparison.Ordinal);

        // Room again: the next try stores every file, byte for byte.
        File.Delete(store);
        Host.Clock.Advance(MediaFetcher.StoreRetryInterval);
        await ProcessAsync();

        var downloaded = 0;
        foreach (var (id, file) in files)
        {
            var media = (await SingleMessageAsync(id))["media"]!;
            Assert.Equal("downloaded", (string?)media["state"]);
            var download = await Host.CreateAdminClient().GetAsync((string)media["url"]!, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(file.Bytes, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            downloaded++;
        }

        var messages = 0;
        foreach (var (id, _) in files)
        {
            messages += (await MessagesAsync(id)).Count;
        }

        FaultLedger.Record($"Media store unwritable ({Kind}): 5 pictures, {MediaFetcher.MaxAttempts + 3} tries while it was", new FaultCounts(
            Acknowledged: files.Count, Processed: downloaded, Lost: files.Count - downloaded, Doubled: messages - files.Count, DoubleAssignments: 0));
        Assert.Equal(files.Count, messages);
    }
}

public sealed class MediaStoreFaultTestsOnSqlite() : MediaStoreFaultTests(DatabaseKind.Sqlite);

public sealed class MediaStoreFaultTestsOnPostgres() : MediaStoreFaultTests(DatabaseKind.Postgres);
