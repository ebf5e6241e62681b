using System.Text;
using ContactCenter.Channels.Sdk;
using ContactCenter.Plugins.WhatsAppCloud.Tests.Infrastructure;

namespace ContactCenter.Plugins.WhatsAppCloud.Tests.Parsing;

public sealed class SignatureTests
{
    /// <summary>A published HMAC-SHA256 vector (GitHub's webhook docs), so the check is tied to the algorithm, not to itself.</summary>
    [Fact]
    public void Known_vector_verifies()
    {
        var settings = Adapters.Settings();
        settings["appSecret"] = "It's a Secret to Everybody";
        var request = new WebhookRequest("POST", "/w", [], [KeyValuePair.Create("x-hub-signature-256",
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")], Encoding.UTF8.GetBytes("Hello, World!"));
        Assert.True(Adapters.Offline(settings).VerifySignature(request));
    }

    [Fact]
    public void Signature_is_over_the_raw_bytes_with_escaped_unicode()
    {
        // Meta sends non-ASCII escaped (\u00e4); re-serialising the JSON would give "ä" and another signature (§2).
        var raw = Encoding.UTF8.GetBytes("""{"text":"\u00e4\u00f6\u00e5"}""");
        var adapter = Adapters.Offline();
        Assert.True(adapter.VerifySignature(Fixtures.Webhook(raw)));
        var reserialised = Fixtures.Webhook(Encoding.UTF8.GetBytes("""{"text":"äöå"}"""));
        var withOldSignature = new WebhookRequest("POST", "/w", [], Fixtures.Webhook(raw).Headers, reserialised.Body);
        Assert.False(adapter.VerifySignature(withOldSignature));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=757107ea0eb2509fc211221cce984b8a37570b6d")]
    [InlineData("sha256=zz57107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    public void Missing_or_malformed_signatures_are_refused(string? header)
    {
        var headers = header is null ? [] : new[] { KeyValuePair.Create("X-Hub-Signature-256", header) };
        Assert.False(Adapters.Offline().VerifySignature(new WebhookRequest("POST", "/w", [], headers, Fixtures.Bytes("inbound_text__meta.json"))));
    }

    [Fact]
    public void Signed_with_another_secret_is_refused() =>
        Assert.False(Adapters.Offline().VerifySignature(Fixtures.Webhook(Fixtures.Bytes("inbound_text__meta.json"), "another-secret")));

    [Theory]
    [InlineData("subscribe", Adapters.VerifyToken, 200, "1158201444")]
    [InlineData("subscribe", "wrong", 403, null)]
    [InlineData("unsubscribe", Adapters.VerifyToken, 403, null)]
    public void Handshake_echoes_the_challenge_only_for_the_right_token(string mode, string token, int status, string? body)
    {
        var request = new WebhookRequest("GET", "/w",
            [KeyValuePair.Create("hub.mode", mode), KeyValuePair.Create("hub.challenge", "1158201444"), KeyValuePair.Create("hub.verify_token", token)], [], default);
        var response = Adapters.Offline().Handshake(request);
        Assert.Equal((status, body), (response!.StatusCode, response.Body));
    }

    [Fact]
    public void A_post_is_no_handshake() => Assert.Null(Adapters.Offline().Handshake(Fixtures.WebhookFile("inbound_text__meta.json")));
}
