using System.Security.Cryptography;
using System.Text;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.WhatsAppCloud;

/// <summary>
/// One WhatsApp business number on Meta's Cloud API. This version owns the webhook's authenticity: the
/// subscription handshake and the X-Hub-Signature-256 check. Parsing and sending come next and say so
/// instead of pretending.
/// </summary>
internal sealed class WhatsAppCloudAdapter(ChannelAccountContext context) : IChannelAdapter
{
    private const string SignatureHeader = "X-Hub-Signature-256";
    private const string SignaturePrefix = "sha256=";

    /// <summary>
    /// Meta calls <c>GET ?hub.mode=subscribe&amp;hub.challenge=…&amp;hub.verify_token=…</c> whenever the callback
    /// URL or token is edited, and subscribes only if it gets 200 with the challenge echoed as the body.
    /// </summary>
    public WebhookResponse? Handshake(WebhookRequest request)
    {
        var mode = request.QueryValue("hub.mode");
        if (request.Method != "GET" || mode is null)
        {
            return null;
        }

        var expected = context.Setting("verifyToken");
        var challenge = request.QueryValue("hub.challenge");
        return mode == "subscribe" && expected is not null && challenge is not null
            && FixedTimeEquals(expected, request.QueryValue("hub.verify_token"))
            ? WebhookResponse.Ok(challenge)
            : WebhookResponse.Forbidden();
    }

    /// <summary>
    /// The header is <c>sha256=&lt;hex HMAC-SHA256 of the raw body, keyed with the app secret&gt;</c>. It must be
    /// computed over the bytes as received: Meta escapes non-ASCII as \uXXXX, so re-serialised JSON differs.
    /// </summary>
    public bool VerifySignature(WebhookRequest request)
    {
        var header = request.Header(SignatureHeader);
        var secret = context.Setting("appSecret");
        if (secret is null || header is null || !header.StartsWith(SignaturePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return WebhookSignatures.HmacSha256Matches(secret, request.Body.Span, header[SignaturePrefix.Length..]);
    }

    public IReadOnlyList<InboundEvent> Parse(WebhookRequest request) =>
        [Unparseable.For(request, context.Clock.GetUtcNow(), "Reading WhatsApp webhooks is not supported in this version of the plugin.")];

    public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(SendResult.NotSupported("Sending WhatsApp messages"));

    public Task<ChannelCheckResult> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(ChannelCheckResult.NotSupported("Checking the connection is not supported in this version of the plugin."));

    private static bool FixedTimeEquals(string expected, string? actual) =>
        actual is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
