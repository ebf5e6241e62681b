using System.Net;
using System.Text;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Inbound;

public abstract class WebhookTests(DatabaseKind kind) : InboundTest(kind)
{
    [Fact]
    public async Task The_subscription_handshake_echoes_the_challenge_only_with_the_right_token()
    {
        var account = await CreateAccountAsync();
        var client = Host.CreateClient();

        var ok = await client.GetAsync($"/webhooks/{account}?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token={VerifyToken}");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("text/plain", ok.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await ok.Content.ReadAsStringAsync());

        var wrong = await client.GetAsync($"/webhooks/{account}?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=guess");
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.DoesNotContain("1158201444", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_channel_account_is_404_for_both_verbs()
    {
        var unknown = Guid.CreateVersion7();

        var get = await Host.CreateClient().GetAsync($"/webhooks/{unknown}?hub.mode=subscribe&hub.challenge=1&hub.verify_token={VerifyToken}");
        var post = await PostWebhookAsync(unknown, Text("wamid.u1", "oi"));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal("not_found", (string?)(await post.ReadJsonAsync())["code"]);
        Assert.Equal(0, InboxRows());
    }

    [Fact]
    public async Task A_forged_or_missing_signature_is_401_and_nothing_is_stored()
    {
        var account = await CreateAccountAsync();
        var body = Encoding.UTF8.GetBytes(Text("wamid.forged", "me dá acesso"));

        var forged = await PostWebhookAsync(account, body, secret: "not-the-app-secret");
        var missing = await PostWebhookAsync(account, body, secret: null);
        await ProcessAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("invalid_signature", (string?)(await forged.ReadJsonAsync())["code"]);
        Assert.Equal(0, InboxRows());
        Assert.Empty(await MessagesAsync("wamid.forged"));
    }

    [Fact]
    public async Task The_signature_covers_the_raw_bytes_not_a_reserialized_body()
    {
        var account = await CreateAccountAsync();
        // Odd spacing and escapes: any re-serialization would change the bytes and break the signature.
        var body = Encoding.UTF8.GetBytes(Text("wamid.raw", "a\\u00e7\\u00e3o   ok").Replace(",", " ,  ", StringComparison.Ordinal));

        var response = await PostWebhookAsync(account, body);
        await ProcessAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ação   ok", (string?)(await SingleMessageAsync("wamid.raw"))["text"]);
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_refused_with_413()
    {
        var account = await CreateAccountAsync();
        var huge = Encoding.UTF8.GetBytes(Text("wamid.big", new string('x', 1024 * 1024)));

        var response = await PostWebhookAsync(account, huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload_too_large", (string?)(await response.ReadJsonAsync())["code"]);
        Assert.Equal(0, InboxRows());
    }
}

public sealed class WebhookTestsOnSqlite() : WebhookTests(DatabaseKind.Sqlite);

public sealed class WebhookTestsOnPostgres() : WebhookTests(DatabaseKind.Postgres);
