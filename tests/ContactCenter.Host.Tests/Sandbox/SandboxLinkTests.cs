using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using ContactCenter.Channels.Sandbox;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Host.Tests.Inbound;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Kernel.Realtime;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Sandbox;

/// <summary>
/// The public sandbox phone, <c>/s/{token}</c>, as an anonymous visitor opens it from the lead form: it shows the
/// phone of the account and number the signed token names, and nothing else — no other number's messages, no way to
/// pick another number or account, no admin shell — and a token that was altered, made for something else, or has
/// expired opens nothing and says so in Portuguese (a page of its own, answered 200: see SandboxPhonePage).
/// </summary>
public abstract class SandboxLinkTests(DatabaseKind kind) : InboundTest(kind)
{
    private const string Maria = "5511999990001";
    private const string Joao = "5511999990002";

    [Fact]
    public async Task A_link_opens_its_numbers_phone_without_login_and_shows_no_other_number_and_no_admin_shell()
    {
        var account = await CreateSandboxAsync();
        var other = await CreateSandboxAsync("Outra loja");
        await SendAsync(account, Maria, "Olá, sou a Maria");
        await SendAsync(account, Joao, "mensagem do João");
        await SendAsync(other, Maria, "Maria na outra loja");
        await ProcessAsync();

        var response = await Host.CreateClient().GetAsync(Links().PathFor(account, Maria, "Maria Teste", "Meu código: #AB12CD"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextOfAsync(response);
        Assert.Contains("Seu WhatsApp de teste", html, StringComparison.Ordinal);
        Assert.Contains("Olá, sou a Maria", html, StringComparison.Ordinal);
        Assert.Contains("+5511999990001", html, StringComparison.Ordinal);
        Assert.DoesNotContain("mensagem do João", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Maria na outra loja", html, StringComparison.Ordinal);
        // No field to be another number, no menu, no user chip: the visitor is nobody's login.
        Assert.DoesNotContain("data-testid=\"sandbox-phone\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"sandbox-name\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"sidebar\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"logout\"", html, StringComparison.Ordinal);
        // The code message is typed for them, as wa.me's ?text= does.
        Assert.Contains("value=\"Meu código: #AB12CD\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_altered_a_foreign_or_a_made_up_token_opens_nothing_and_says_the_link_is_not_valid()
    {
        var account = await CreateSandboxAsync();
        await SendAsync(account, Maria, "segredo da Maria");
        await ProcessAsync();
        var token = Links().Token(account, Maria, "Maria");
        var altered = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];
        // The same claim, signed for another purpose (the channel secrets'): authentic, but not a phone link.
        var foreign = Host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("ContactCenter.Channels.Secrets")
            .Protect(JsonSerializer.Serialize(new { AccountId = account, Phone = Maria, Name = "Maria", ExpiresAt = 4102444800L }));

        foreach (var bad in new[] { altered, foreign, "nao-e-um-token", token.ToUpperInvariant() })
        {
            var response = await Host.CreateClient().GetAsync("/s/" + bad);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await TextOfAsync(response);
            Assert.Contains("Este link não é válido", html, StringComparison.Ordinal);
            Assert.Contains("data-code=\"sandbox_link_invalid\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("segredo da Maria", html, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"sandbox-screen\"", html, StringComparison.Ordinal);
        }

        Assert.Equal(SandboxLinks.InvalidCode, Links().Read(altered).Error?.Code);
        Assert.Equal(SandboxLinks.InvalidCode, Links().Read(foreign).Error?.Code);
    }

    [Fact]
    public async Task A_link_works_for_seven_days_then_says_it_expired()
    {
        var account = await CreateSandboxAsync();
        var path = Links().PathFor(account, Maria, null, null);

        Host.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await Host.CreateClient().GetAsync(path)).StatusCode);

        Host.Clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await Host.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, expired.StatusCode);
        var html = await TextOfAsync(expired);
        Assert.Contains("Este link expirou", html, StringComparison.Ordinal);
        Assert.Contains("data-code=\"sandbox_link_expired\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_to_a_deleted_account_or_to_an_account_that_is_not_a_sandbox_opens_nothing()
    {
        var whatsapp = await CreateAccountAsync();
        var sandbox = await CreateSandboxAsync();
        var deletedPath = Links().PathFor(sandbox, Maria, null, null);
        Assert.Equal(HttpStatusCode.NoContent, (await Host.CreateAdminClient().DeleteAsync($"/api/v1/channel-accounts/{sandbox}")).StatusCode);

        foreach (var path in new[] { Links().PathFor(whatsapp, Maria, null, null), deletedPath })
        {
            var response = await Host.CreateClient().GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Este link não é válido", await TextOfAsync(response), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_admin_phone_of_an_account_still_needs_a_login()
    {
        var account = await CreateSandboxAsync();
        await SendAsync(account, Maria, "segredo da Maria");
        await ProcessAsync();

        var response = await Host.CreateClient().GetAsync($"/sandbox/{account}");

        Assert.EndsWith("/account/login", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.DoesNotContain("segredo da Maria", await TextOfAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_links_phone_sends_a_picture_without_login_as_its_own_number_only()
    {
        var account = await CreateSandboxAsync();
        var token = Links().Token(account, Maria, "Maria");
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

        async Task<HttpResponseMessage> PostAsync(string path, string? phone = null)
        {
            using var content = new ByteArrayContent(png);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
            request.Headers.Add(SendSandboxFile.FileNameHeader, "planta.png");
            if (phone is not null)
            {
                request.Headers.Add(SendSandboxFile.PhoneHeader, phone);
            }

            return await Host.CreateClient().SendAsync(request);
        }

        // X-Phone cannot make the link's visitor someone else; the admin's phone endpoint still needs a login.
        var sent = await PostAsync($"/api/v1/sandbox/links/{token}/files", phone: Joao);
        var altered = await PostAsync($"/api/v1/sandbox/links/{token[..^3]}xyz/files");
        var unlinked = await PostAsync($"/api/v1/sandbox/{account}/files", phone: Maria);
        await ProcessAsync();

        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, altered.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unlinked.StatusCode);
        var picture = Assert.Single((await PhoneAsync(p => p.ThreadAsync(account, Maria, default))).Messages);
        Assert.Equal("image", picture.Type);
        Assert.Empty((await PhoneAsync(p => p.ThreadAsync(account, Joao, default))).Messages);

        // The visitor sees their picture through the link; another number's link, a bad link or a guess gets nothing.
        var anonymous = Host.CreateClient();
        var mine = await anonymous.GetAsync(OpenSandboxLinkMedia.PathFor(token, picture.Media!.Id));
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(png, await mine.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(OpenSandboxLinkMedia.PathFor(Links().Token(account, Joao, "João"), picture.Media.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(OpenSandboxLinkMedia.PathFor(token[..^3] + "xyz", picture.Media.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(OpenSandboxLinkMedia.PathFor(token, Guid.NewGuid()))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(picture.Media.Url)).StatusCode);
    }

    [Fact]
    public async Task A_message_is_sent_while_in_the_inbox_and_the_phone_hears_only_its_own_threads_changes()
    {
        var account = await CreateSandboxAsync();
        using var marias = Listen(ContactThreadTopic.For(account, Maria));
        using var joaos = Listen(ContactThreadTopic.For(account, Joao));

        await SendAsync(account, Maria, "oi, é a Maria");
        var pending = Assert.Single(await PhoneAsync(p => p.PendingAsync(account, Maria, default)));
        Assert.Equal(("oi, é a Maria", false), (pending.Text, pending.Failed));
        Assert.Empty(await PhoneAsync(p => p.PendingAsync(account, Joao, default)));

        await ProcessAsync();

        Assert.Equal(NoticeKinds.Message, (await marias.NextAsync()).Kind);
        Assert.Empty(await PhoneAsync(p => p.PendingAsync(account, Maria, default)));
        Assert.Equal(pending.ProviderMessageId, Assert.Single((await PhoneAsync(p => p.ThreadAsync(account, Maria, default))).Messages).ProviderMessageId);
        Assert.False(joaos.HeardAnything);
    }

    [Fact]
    public async Task A_message_the_host_could_not_process_shows_failed_on_the_phone_with_the_reason()
    {
        var account = await CreateSandboxAsync();
        var posted = await PostWebhookAsync(account, """{"messages":[{"id":"sbx-video-1","from":"5511999990001","type":"video","text":"meu vídeo"}]}"""u8.ToArray(), secret: null);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        await ProcessAsync();

        var failed = Assert.Single(await PhoneAsync(p => p.PendingAsync(account, Maria, default)));
        Assert.Equal(("sbx-video-1", "meu vídeo", true), (failed.ProviderMessageId, failed.Text, failed.Failed));
        Assert.Contains("type 'video' is not text, image", failed.Failure, StringComparison.Ordinal);
        Assert.Empty((await PhoneAsync(p => p.ThreadAsync(account, Maria, default))).Messages);
    }

    private SandboxLinks Links() => Host.Services.GetRequiredService<SandboxLinks>();

    private async Task SendAsync(Guid account, string phone, string text)
    {
        var sent = await PhoneAsync(p => p.SendTextAsync(account, new SandboxPhone.Person(phone, null), text, default));
        Assert.True(sent.IsSuccess, sent.Error?.Message);
    }

    private async Task<Guid> CreateSandboxAsync(string name = "Sandbox")
    {
        var (response, body) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/channel-accounts", new { pluginId = "sandbox", name });
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return Guid.Parse((string)body["id"]!);
    }

    private async Task<T> PhoneAsync<T>(Func<SandboxPhone, Task<T>> call)
    {
        using var scope = Host.Services.CreateScope();
        return await call(scope.ServiceProvider.GetRequiredService<SandboxPhone>());
    }

    private TopicListener Listen(string topic) => new(Host.Services.GetRequiredService<INoticeHub>(), topic);

    /// <summary>The page as the visitor reads it (the renderer encodes accented letters as entities).</summary>
    private static async Task<string> TextOfAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private sealed class TopicListener : IDisposable
    {
        private readonly Channel<Notice> _heard = Channel.CreateUnbounded<Notice>();
        private readonly IDisposable _subscription;

        public TopicListener(INoticeHub hub, string topic) => _subscription = hub.Subscribe(topic, notice => _heard.Writer.WriteAsync(notice).AsTask());

        public bool HeardAnything => _heard.Reader.TryPeek(out _);

        // Generous: PostgreSQL delivers through LISTEN/NOTIFY, asynchronously.
        public async Task<Notice> NextAsync() => await _heard.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));

        public void Dispose() => _subscription.Dispose();
    }
}

public sealed class SandboxLinkTestsOnSqlite() : SandboxLinkTests(DatabaseKind.Sqlite);

public sealed class SandboxLinkTestsOnPostgres() : SandboxLinkTests(DatabaseKind.Postgres);
