using System.Text;
using ContactCenter.Channels.Sdk;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Plugins.WhatsAppCloud.Tests;

public sealed class WebhookAuthenticityTests
{
    private const string AppSecret = "5f2b6e0c1d9a4e7b8c3d2a1f0e9d8c7b";
    private const string VerifyToken = "meu-token-de-verificacao";

    // Meta escapes non-ASCII as \uXXXX; the signature covers these exact bytes, not re-serialised JSON.
    private const string Body =
        """{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{"messages":[{"text":{"body":"Ol\u00e1, tudo bem?"}}]}}]}]}""";

    // HMAC-SHA256(AppSecret, Body), computed independently (Python's hmac module).
    private const string Signature = "f66c8cac09b9134568fc062dc157922ab15a4d4c156d2926275f9888a6103501";

    private readonly IChannelAdapter _adapter = new WhatsAppCloudPlugin().CreateAdapter(new ChannelAccountContext(
        Guid.NewGuid(),
        new Dictionary<string, string> { ["appSecret"] = AppSecret, ["verifyToken"] = VerifyToken },
        new HttpClient(),
        NullLogger.Instance,
        TimeProvider.System));

    [Fact]
    public void The_subscription_handshake_echoes_the_challenge_when_the_token_matches()
    {
        var response = _adapter.Handshake(Get(("hub.mode", "subscribe"), ("hub.challenge", "1158201444"), ("hub.verify_token", VerifyToken)));

        Assert.NotNull(response);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("1158201444", response.Body);
    }

    [Theory]
    [InlineData("subscribe", "wrong-token")]
    [InlineData("subscribe", "")]
    [InlineData("unsubscribe", VerifyToken)]
    public void A_handshake_with_a_wrong_token_or_mode_is_refused(string mode, string token)
    {
        var response = _adapter.Handshake(Get(("hub.mode", mode), ("hub.challenge", "42"), ("hub.verify_token", token)));

        Assert.NotNull(response);
        Assert.Equal(403, response.StatusCode);
        Assert.Null(response.Body);
    }

    [Fact]
    public void A_handshake_without_the_token_is_refused()
    {
        Assert.Equal(403, _adapter.Handshake(Get(("hub.mode", "subscribe"), ("hub.challenge", "42")))?.StatusCode);
    }

    [Fact]
    public void Requests_that_are_not_handshakes_are_left_to_the_signature_check()
    {
        Assert.Null(_adapter.Handshake(Post(Body, Signature)));
        Assert.Null(_adapter.Handshake(Get()));
    }

    [Fact]
    public void A_body_signed_with_the_app_secret_is_authentic()
    {
        Assert.True(_adapter.VerifySignature(Post(Body, "sha256=" + Signature)));
        Assert.True(_adapter.VerifySignature(Post(Body, "sha256=" + Signature.ToUpperInvariant())));
    }

    [Fact]
    public void A_forged_signature_or_a_changed_body_is_not_authentic()
    {
        var otherSecret = WebhookSignatures.HmacSha256Hex("another-app-secret", Encoding.UTF8.GetBytes(Body));

        Assert.False(_adapter.VerifySignature(Post(Body, "sha256=" + otherSecret)));
        Assert.False(_adapter.VerifySignature(Post(Body.Replace("tudo bem", "tudo mal", StringComparison.Ordinal), "sha256=" + Signature)));
        // The same text re-serialised with the accent unescaped is different bytes, so it no longer matches.
        Assert.False(_adapter.VerifySignature(Post(Body.Replace("\\u00e1", "á", StringComparison.Ordinal), "sha256=" + Signature)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(Signature)]
    [InlineData("sha1=" + Signature)]
    [InlineData("sha256=not-hex")]
    [InlineData("sha256=")]
    public void A_missing_or_malformed_signature_is_not_authentic(string? header)
    {
        Assert.False(_adapter.VerifySignature(Post(Body, header)));
    }

    [Fact]
    public void Without_an_app_secret_nothing_is_authentic()
    {
        var adapter = new WhatsAppCloudPlugin().CreateAdapter(new ChannelAccountContext(
            Guid.NewGuid(), new Dictionary<string, string>(), new HttpClient(), NullLogger.Instance, TimeProvider.System));

        Assert.False(adapter.VerifySignature(Post(Body, "sha256=" + Signature)));
        Assert.Equal(403, adapter.Handshake(Get(("hub.mode", "subscribe"), ("hub.challenge", "1"), ("hub.verify_token", "")))?.StatusCode);
    }

    private static WebhookRequest Get(params (string Name, string Value)[] query) =>
        new("GET", "/webhooks/x", query.Select(q => KeyValuePair.Create(q.Name, q.Value)), [], ReadOnlyMemory<byte>.Empty);

    private static WebhookRequest Post(string body, string? signature) =>
        new(
            "POST",
            "/webhooks/x",
            [],
            signature is null ? [] : [KeyValuePair.Create("x-hub-signature-256", signature)],
            Encoding.UTF8.GetBytes(body));
}
