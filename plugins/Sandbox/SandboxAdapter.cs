using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.Sandbox;

/// <summary>
/// A pretend channel: there is no provider, so there is no handshake. Requests are signed like Meta's
/// (<c>X-Sandbox-Signature: sha256=&lt;hex&gt;</c>) when the account has a signing secret; a plugin cannot
/// generate and store a secret itself, so without one every request is accepted (demos on one machine).
/// </summary>
internal sealed class SandboxAdapter(ChannelAccountContext context) : IChannelAdapter
{
    private const string SignatureHeader = "X-Sandbox-Signature";
    private const string SignaturePrefix = "sha256=";

    public WebhookResponse? Handshake(WebhookRequest request) => null;

    public bool VerifySignature(WebhookRequest request)
    {
        if (context.Setting("signingSecret") is not { } secret)
        {
            return true;
        }

        var header = request.Header(SignatureHeader);
        return header is not null && header.StartsWith(SignaturePrefix, StringComparison.OrdinalIgnoreCase)
            && WebhookSignatures.HmacSha256Matches(secret, request.Body.Span, header[SignaturePrefix.Length..]);
    }

    public IReadOnlyList<InboundEvent> Parse(WebhookRequest request) =>
        [Unparseable.For(request, context.Clock.GetUtcNow(), "Reading sandbox webhooks is not supported in this version of the plugin.")];

    public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(SendResult.NotSupported("Sending sandbox messages"));

    public Task<ChannelCheckResult> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(ChannelCheckResult.Passed("The sandbox has no provider to reach; it is always available."));
}
