using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ContactCenter.Host.Tests.Inbound;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;

namespace ContactCenter.Host.Tests.Messaging;

/// <summary>
/// Files both ways: a received picture and a file the agent sent are served to exactly the people who may see the
/// conversation, and WhatsApp's per-kind limits refuse a file before anything is stored or queued.
/// </summary>
public abstract class MediaMessagesTests(DatabaseKind kind) : InboundTest(kind)
{
    [Fact]
    public async Task A_received_picture_is_served_to_the_assigned_agent_their_supervisor_and_admins_and_to_nobody_else()
    {
        var account = await CreateAccountAsync();
        var (ana, _) = await AgentAsync("ana", account);
        var (supervisor, outsider) = await SupervisorAndOutsiderAsync();
        var bytes = RandomNumberGenerator.GetBytes(4000);
        Graph.Files["media-fachada"] = (bytes, "image/jpeg");
        await PostWebhookAsync(account, Envelope(Inner("wamid.pic", "image", """{"id":"media-fachada","mime_type":"image/jpeg","caption":"A fachada"}""")));
        await ProcessAsync();
        var message = await SingleMessageAsync("wamid.pic");
        var conversation = await Host.CreateAdminClient().GetJsonAsync($"/api/v1/conversations/{message["conversationId"]}");
        Assert.NotNull((string?)conversation["assignedAgentId"]); // routed to ana, the one available agent
        var url = (string)message["media"]!["url"]!;

        foreach (var (who, client) in new[] { ("ana", ana), ("sofia", supervisor), ("admin", Host.CreateAdminClient()) })
        {
            var download = await client.GetAsync(url);
            Assert.True(download.StatusCode == HttpStatusCode.OK, $"{who}: {download.StatusCode}");
            Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);
        // A supervisor runs their own teams only (finding 4): another team's supervisor does not get it either.
        await Host.SetMembersAsync(await Host.CreateTeamAsync("Pós-venda"), await Host.CreateUserAsync("bea", "supervisor"));
        Assert.Equal(HttpStatusCode.NotFound, (await (await Host.LoginAsync("bea", Arrange.Password)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.CreateClient().GetAsync(url)).StatusCode);
        var guessed = await ana.GetAsync($"/api/v1/media/{Guid.CreateVersion7()}");
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.Equal("not_found", (string?)(await guessed.ReadJsonAsync())["code"]);
    }

    [Fact]
    public async Task A_file_in_the_teams_queue_is_served_to_any_member_of_the_team_but_not_to_an_agent_of_another_team()
    {
        var account = await CreateAccountAsync();
        var (bruno, _) = await AgentAsync("bruno", account, presence: "offline"); // nobody available: it waits in the team's queue
        var (_, outsider) = await SupervisorAndOutsiderAsync();
        Graph.Files["media-doc"] = ("%PDF-1.4 proposta"u8.ToArray(), "application/pdf");
        await PostWebhookAsync(account, Envelope(Inner("wamid.doc", "document", """{"id":"media-doc","mime_type":"application/pdf","filename":"proposta.pdf"}""")));
        await ProcessAsync();
        var message = await SingleMessageAsync("wamid.doc");
        var url = (string)message["media"]!["url"]!;

        var download = await bruno.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("proposta.pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_file_the_agent_uploads_is_queued_as_its_kind_and_served_back_to_them_but_not_to_another_team()
    {
        var account = await CreateAccountAsync();
        var (ana, _) = await AgentAsync("ana", account);
        var (_, outsider) = await SupervisorAndOutsiderAsync();
        var conversation = await ConversationAsync(account, "wamid.in-upload");
        var bytes = RandomNumberGenerator.GetBytes(3000);

        var (response, sent) = await UploadAsync(ana, conversation, bytes, "application/pdf", "Proposta comercial.pdf", "Segue a proposta");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(("document", "outbound", "pending", "Segue a proposta"), ((string?)sent["type"], (string?)sent["direction"], (string?)sent["status"], (string?)sent["text"]));
        var media = sent["media"]!;
        Assert.Equal(("Proposta comercial.pdf", 3000L, "application/pdf", true), ((string?)media["fileName"], (long?)media["size"], (string?)media["mimeType"], (bool?)media["downloaded"]));
        var download = await ana.GetAsync((string)media["url"]!);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync((string)media["url"]!)).StatusCode);
        // The kind follows the type when not given: a PNG goes as a picture.
        var (picture, image) = await UploadAsync(ana, conversation, [0x89, 0x50, 0x4e, 0x47], "image/png", "planta.png", null);
        Assert.Equal((HttpStatusCode.Accepted, "image"), (picture.StatusCode, (string?)image["type"]));
    }

    [Fact]
    public async Task WhatsApps_limits_refuse_a_file_by_type_and_by_size_per_kind_and_nothing_is_stored_or_queued()
    {
        var account = await CreateAccountAsync();
        var conversation = await ConversationAsync(account, "wamid.in-limits");
        var admin = Host.CreateAdminClient();

        var (gif, gifProblem) = await admin.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new
        {
            media = new { kind = "image", dataBase64 = Convert.ToBase64String([1, 2, 3]), mimeType = "image/gif", fileName = "anim.gif" },
        });
        var (big, bigProblem) = await admin.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new
        {
            media = new { dataBase64 = Convert.ToBase64String(new byte[(5 * 1024 * 1024) + 1]), mimeType = "image/jpeg", fileName = "foto.jpg" },
        });
        var (exe, exeProblem) = await UploadAsync(admin, conversation, new byte[10], "application/x-msdownload", "programa.exe", null);
        var (audio, audioProblem) = await UploadAsync(admin, conversation, new byte[(16 * 1024 * 1024) + 1], "audio/mpeg", "musica.mp3", null);
        var (sticker, stickerProblem) = await UploadAsync(admin, conversation, new byte[(500 * 1024) + 1], "image/webp", "figurinha.webp", null);

        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "media_type_not_supported"), (gif.StatusCode, (string?)gifProblem["code"]));
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "media_too_large"), (big.StatusCode, (string?)bigProblem["code"]));
        Assert.Contains("pictures of up to 5 MB", (string?)bigProblem["detail"], StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "media_type_not_supported"), (exe.StatusCode, (string?)exeProblem["code"]));
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "media_too_large"), (audio.StatusCode, (string?)audioProblem["code"]));
        Assert.Contains("audio files of up to 16 MB", (string?)audioProblem["detail"], StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "media_too_large"), (sticker.StatusCode, (string?)stickerProblem["code"]));
        Assert.Single((await admin.GetJsonAsync($"/api/v1/conversations/{conversation}/messages"))["items"]!.AsArray());
        Assert.False(Directory.Exists(Path.Combine(Host.Database.DataDirectory, "media")) && Directory.EnumerateFiles(Path.Combine(Host.Database.DataDirectory, "media"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task An_upload_needs_a_file_name_and_an_open_window()
    {
        var account = await CreateAccountAsync();
        var conversation = await ConversationAsync(account, "wamid.in-window");
        var admin = Host.CreateAdminClient();

        using var nameless = new ByteArrayContent([1, 2, 3]);
        nameless.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var unnamed = await admin.PostAsync($"/api/v1/conversations/{conversation}/messages/media", nameless);
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.True((await unnamed.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("media.fileName"));

        Host.Clock.Advance(TimeSpan.FromHours(25));
        var (closed, problem) = await UploadAsync(admin, conversation, [1, 2, 3], "application/pdf", "proposta.pdf", null);
        Assert.Equal((HttpStatusCode.Conflict, "window_closed"), (closed.StatusCode, (string?)problem["code"]));
        Assert.Single((await admin.GetJsonAsync($"/api/v1/conversations/{conversation}/messages"))["items"]!.AsArray());
    }

    /// <summary>sofia supervises the Comercial team (created by <see cref="InboundTest.AgentAsync"/>); carla is an agent of Suporte only.</summary>
    private async Task<(HttpClient Supervisor, HttpClient Outsider)> SupervisorAndOutsiderAsync()
    {
        var admin = Host.CreateAdminClient();
        var comercial = Guid.Parse((string)(await admin.GetJsonAsync("/api/v1/teams")).AsArray().Single(t => (string?)t!["name"] == "Comercial")!["id"]!);
        var members = (await admin.GetJsonAsync($"/api/v1/teams/{comercial}"))["members"]!.AsArray().Select(m => Guid.Parse((string)m!["userId"]!));
        var sofia = await Host.CreateUserAsync("sofia", "supervisor");
        await Host.SetMembersAsync(comercial, [.. members, sofia]);
        var carla = await Host.CreateUserAsync("carla", "agent");
        await Host.SetMembersAsync(await Host.CreateTeamAsync("Suporte"), carla);
        return (await Host.LoginAsync("sofia", Arrange.Password), await Host.LoginAsync("carla", Arrange.Password));
    }

    private static async Task<(HttpResponseMessage Response, JsonNode Body)> UploadAsync(
        HttpClient client, string conversation, byte[] bytes, string type, string fileName, string? caption)
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/conversations/{conversation}/messages/media") { Content = content };
        request.Headers.Add("X-File-Name", Uri.EscapeDataString(fileName));
        if (caption is not null)
        {
            request.Headers.Add("X-Caption", Uri.EscapeDataString(caption));
        }

        var response = await client.SendAsync(request);
        return (response, await response.ReadJsonAsync());
    }
}

public sealed class MediaMessagesTestsOnSqlite() : MediaMessagesTests(DatabaseKind.Sqlite);

public sealed class MediaMessagesTestsOnPostgres() : MediaMessagesTests(DatabaseKind.Postgres);
