using System.Net;
using System.Security.Cryptography;
using ContactCenter.Channels.Sandbox;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Host.Tests.Inbound;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Kernel.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Sandbox;

/// <summary>
/// The sandbox phone page's calls (the same service the page uses), against a signed sandbox account: its messages
/// and ticks must land exactly as a provider's webhooks do, through the inbox and its processor.
/// </summary>
public abstract class SandboxPhoneTests(DatabaseKind kind) : InboundTest(kind)
{
    private const string SigningSecret = "sandbox-signing-secret";
    private static readonly SandboxPhone.Person Maria = new("5511999990001", "Maria Teste");

    [Fact]
    public async Task A_text_from_the_phone_is_signed_stored_and_becomes_an_inbound_message_with_an_open_window()
    {
        var account = await CreateSandboxAsync();

        var sent = await PhoneAsync(p => p.SendTextAsync(account, Maria, "Olá, quero saber do apartamento", default));
        Assert.True(sent.IsSuccess, sent.Error?.Message);
        await ProcessAsync();

        var conversation = Assert.Single((await Host.CreateAdminClient().GetJsonAsync("/api/v1/conversations"))["items"]!.AsArray())!;
        Assert.Equal(("Maria Teste", "5511999990001"), ((string?)conversation["contact"]!["name"], (string?)conversation["contact"]!["phone"]));
        var messages = (await Host.CreateAdminClient().GetJsonAsync($"/api/v1/conversations/{conversation["id"]}/messages"))["items"]!.AsArray();
        var message = Assert.Single(messages)!;
        Assert.Equal(("inbound", "text", "Olá, quero saber do apartamento"), ((string?)message["direction"], (string?)message["type"], (string?)message["text"]));
        Assert.StartsWith("sbx-", (string?)message["providerMessageId"], StringComparison.Ordinal);

        var thread = await PhoneAsync(p => p.ThreadAsync(account, "5511999990001", default));
        Assert.Equal("Olá, quero saber do apartamento", Assert.Single(thread.Messages).Text);
        Assert.Equal(Host.Clock.GetUtcNow().UtcDateTime.AddHours(24), thread.WindowClosesAt!.Value, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_picture_from_the_phone_lands_with_its_file_downloaded()
    {
        var account = await CreateSandboxAsync();
        var bytes = RandomNumberGenerator.GetBytes(5000);

        var sent = await PhoneAsync(p => p.SendFileAsync(account, Maria, new SandboxPhone.Attachment("image/png", "fachada.png", bytes, "A fachada"), default));
        Assert.True(sent.IsSuccess, sent.Error?.Message);
        await ProcessAsync();

        var message = Assert.Single((await PhoneAsync(p => p.ThreadAsync(account, "5511999990001", default))).Messages);
        Assert.Equal(("image", true, "fachada.png"), (message.Type, message.Media!.Downloaded, message.Media.FileName));
        var download = await Host.CreateAdminClient().GetAsync(message.Media.Url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Documents_videos_and_audio_from_the_phone_land_as_their_kinds_and_files_whatsapp_refuses_are_not_sent()
    {
        var account = await CreateSandboxAsync();
        var sent = new[]
        {
            new SandboxPhone.Attachment("application/pdf", "proposta.pdf", "%PDF-1.4"u8.ToArray(), null),
            new SandboxPhone.Attachment("video/mp4", "visita.mp4", [0, 0, 0, 24], "A visita"),
            new SandboxPhone.Attachment("audio/ogg; codecs=opus", "audio.ogg", [79, 103, 103, 83], null),
            new SandboxPhone.Attachment(null, "planilha.xlsx", [80, 75, 3, 4], null), // no type: the name tells
        };
        foreach (var file in sent)
        {
            var result = await PhoneAsync(p => p.SendFileAsync(account, Maria, file, default));
            Assert.True(result.IsSuccess, result.Error?.Message);
            Host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var gif = await PhoneAsync(p => p.SendFileAsync(account, Maria, new SandboxPhone.Attachment("image/gif", "anim.gif", [1], null), default));
        var big = await PhoneAsync(p => p.SendFileAsync(account, Maria, new SandboxPhone.Attachment("image/jpeg", "foto.jpg", new byte[(5 * 1024 * 1024) + 1], null), default));
        var huge = await PhoneAsync(p => p.SendFileAsync(account, Maria, new SandboxPhone.Attachment("application/pdf", "manual.pdf", new byte[SandboxPhone.MaxFileBytes + 1], null), default));
        await ProcessAsync();

        var messages = (await PhoneAsync(p => p.ThreadAsync(account, "5511999990001", default))).Messages;
        Assert.Equal(["document", "video", "audio", "document"], messages.Select(m => m.Type));
        Assert.Equal(["application/pdf", "video/mp4", "audio/ogg", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"], messages.Select(m => m.Media!.MimeType));
        Assert.Equal("A visita", messages[1].Text);
        Assert.All(messages, m => Assert.True(m.Media!.Downloaded));
        Assert.Equal(("media_type_not_supported", "media_too_large", "media_too_large"), (gif.Error?.Code, big.Error?.Code, huge.Error?.Code));
        Assert.Equal(4, InboxRows());
    }

    [Fact]
    public async Task The_pages_upload_endpoint_sends_the_posted_file_as_the_person_and_only_for_a_logged_in_user()
    {
        var account = await CreateSandboxAsync();
        var whatsapp = await CreateAccountAsync();

        var anonymous = await Host.CreateClient().SendAsync(FileRequest(account, "proposta.pdf"));
        var unnamed = await Host.CreateAdminClient().SendAsync(FileRequest(account, null));
        var notSandbox = await Host.CreateAdminClient().SendAsync(FileRequest(whatsapp, "proposta.pdf"));
        var sent = await Host.CreateAdminClient().SendAsync(FileRequest(account, "Proposta março.pdf"));
        await ProcessAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notSandbox.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var message = Assert.Single((await PhoneAsync(p => p.ThreadAsync(account, "5511999990001", default))).Messages);
        Assert.Equal(("document", "Proposta março.pdf", "Segue a proposta", "Maria Teste"), (message.Type, message.Media!.FileName, message.Text,
            (string?)(await Host.CreateAdminClient().GetJsonAsync($"/api/v1/conversations/{message.ConversationId}"))["contact"]!["name"]));
    }

    private static HttpRequestMessage FileRequest(Guid account, string? fileName)
    {
        var content = new ByteArrayContent("%PDF-1.4"u8.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sandbox/{account}/files") { Content = content };
        request.Headers.Add("X-Phone", "5511999990001");
        request.Headers.Add("X-Name", Uri.EscapeDataString("Maria Teste"));
        request.Headers.Add("X-Caption", Uri.EscapeDataString("Segue a proposta"));
        if (fileName is not null)
        {
            request.Headers.Add("X-File-Name", Uri.EscapeDataString(fileName));
        }

        return request;
    }

    [Fact]
    public async Task Replies_the_phone_shows_become_delivered_then_read_and_are_not_reported_again()
    {
        var account = await CreateSandboxAsync();
        await SeedOutboundAsync(account, "sandbox-0123456789abcdef0123456789abcdef");

        var shown = (await PhoneAsync(p => p.ThreadAsync(account, "5511988887777", default))).Messages;
        var acknowledged = await PhoneAsync(p => p.AcknowledgeAsync(account, shown, default));
        Assert.Equal(["sandbox-0123456789abcdef0123456789abcdef"], acknowledged.Value);
        await ProcessAsync();

        Assert.Equal("read", (string?)(await SingleMessageAsync("sandbox-0123456789abcdef0123456789abcdef"))["status"]);
        var rows = InboxRows();
        var read = (await PhoneAsync(p => p.ThreadAsync(account, "5511988887777", default))).Messages;
        Assert.Empty((await PhoneAsync(p => p.AcknowledgeAsync(account, read, default))).Value!);
        Assert.Equal(rows, InboxRows());
    }

    [Fact]
    public async Task A_wrong_phone_number_is_refused_with_the_field_and_nothing_is_stored()
    {
        var account = await CreateSandboxAsync();

        var sent = await PhoneAsync(p => p.SendTextAsync(account, new SandboxPhone.Person("011 9999", "Maria"), "  ", default));

        Assert.Equal("validation_failed", sent.Error?.Code);
        Assert.Equal(["phone", "text"], sent.Error!.Fields!.Keys.Order());
        Assert.Equal(0, InboxRows());
    }

    [Fact]
    public async Task Only_sandbox_accounts_have_a_phone_and_a_wrong_signing_secret_would_be_refused_like_a_forgery()
    {
        var whatsapp = await CreateAccountAsync();
        Assert.Equal("not_found", (await PhoneAsync(p => p.OpenAsync(whatsapp, default))).Error?.Code);
        Assert.Equal("not_found", (await PhoneAsync(p => p.SendTextAsync(whatsapp, Maria, "Oi", default))).Error?.Code);

        var sandbox = await CreateSandboxAsync();
        Assert.Equal("Sandbox", (await PhoneAsync(p => p.OpenAsync(sandbox, default))).Value!.Name);
        // The page signs with the account's secret; the endpoint refuses the same body signed with another one.
        var forged = await PostWebhookAsync(sandbox, """{"messages":[{"id":"x1","from":"5511999990001","type":"text","text":"Oi"}]}"""u8.ToArray(), secret: null);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(0, InboxRows());
    }

    [Fact]
    public async Task The_thread_has_only_that_phone_on_that_account_in_time_order()
    {
        var account = await CreateSandboxAsync();
        var other = await CreateSandboxAsync("Outra loja");
        var joao = new SandboxPhone.Person("5511999990002", "João");

        await PhoneAsync(p => p.SendTextAsync(account, Maria, "primeira", default));
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        await PhoneAsync(p => p.SendTextAsync(account, joao, "do João", default));
        await PhoneAsync(p => p.SendTextAsync(other, Maria, "outra conta", default));
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        await PhoneAsync(p => p.SendTextAsync(account, Maria, "segunda", default));
        await ProcessAsync();

        var thread = await Host.Services.CreateScope().ServiceProvider.GetRequiredService<IConversationsApi>()
            .ListThreadAsync(account, "5511999990001", default);
        Assert.Equal(["primeira", "segunda"], thread.Messages.Select(m => m.Text));
        Assert.Empty((await PhoneAsync(p => p.ThreadAsync(account, "5511999990009", default))).Messages);
    }

    private async Task<Guid> CreateSandboxAsync(string name = "Sandbox")
    {
        var (response, body) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/channel-accounts", new
        {
            pluginId = "sandbox",
            name,
            settings = new Dictionary<string, object?> { ["signingSecret"] = SigningSecret },
        });
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return Guid.Parse((string)body["id"]!);
    }

    private async Task<T> PhoneAsync<T>(Func<SandboxPhone, Task<T>> call)
    {
        using var scope = Host.Services.CreateScope();
        return await call(scope.ServiceProvider.GetRequiredService<SandboxPhone>());
    }
}

public sealed class SandboxPhoneTestsOnSqlite() : SandboxPhoneTests(DatabaseKind.Sqlite);

public sealed class SandboxPhoneTestsOnPostgres() : SandboxPhoneTests(DatabaseKind.Postgres);
