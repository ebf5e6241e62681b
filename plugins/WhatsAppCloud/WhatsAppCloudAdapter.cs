using System.Security.Cryptography;
using System.Text;
using ContactCenter.Channels.Sdk;
using ContactCenter.Plugins.WhatsAppCloud.Graph;
using ContactCenter.Plugins.WhatsAppCloud.Media;
using ContactCenter.Plugins.WhatsAppCloud.Parsing;
using ContactCenter.Plugins.WhatsAppCloud.Sending;
using ContactCenter.Plugins.WhatsAppCloud.Templates;

namespace ContactCenter.Plugins.WhatsAppCloud;

/// <summary>
/// One WhatsApp business number on Meta's Cloud API: the webhook's authenticity (handshake, signature),
/// reading webhooks, sending, templates, media and the connection check, each in its own class.
/// </summary>
internal sealed class WhatsAppCloudAdapter : IChannelAdapter, ISupportsTemplates, ISupportsMedia
{
    private const string SignatureHeader = "X-Hub-Signature-256";
    private const string SignaturePrefix = "sha256=";

    private readonly ChannelAccountContext _context;
    private readonly AccountSettings _settings;
    private readonly MessageSender _sender;
    private readonly TemplateManager _templates;
    private readonly MediaDownloader _media;
    private readonly ConnectionCheck _check;

    public WhatsAppCloudAdapter(ChannelAccountContext context)
    {
        _context = context;
        _settings = AccountSettings.From(context);
        var graph = new GraphClient(context.Http, _settings);
        _sender = new MessageSender(graph);
        _templates = new TemplateManager(graph);
        _media = new MediaDownloader(graph);
        _check = new ConnectionCheck(graph);
    }

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

        var expected = _settings.VerifyToken;
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
        var secret = _settings.AppSecret;
        if (secret is null || header is null || !header.StartsWith(SignaturePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return WebhookSignatures.HmacSha256Matches(secret, request.Body.Span, header[SignaturePrefix.Length..]);
    }

    public IReadOnlyList<InboundEvent> Parse(WebhookRequest request) => WebhookParser.Parse(request, _context.Clock.GetUtcNow());

    public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken) =>
        _sender.SendAsync(message, cancellationToken);

    public Task<ChannelCheckResult> CheckAsync(CancellationToken cancellationToken) => _check.RunAsync(cancellationToken);

    public Task<TemplateSubmitResult> SubmitTemplateAsync(TemplateDefinition template, CancellationToken cancellationToken) =>
        _templates.SubmitAsync(template, cancellationToken);

    public Task<IReadOnlyList<TemplateState>> SyncTemplatesAsync(CancellationToken cancellationToken) =>
        _templates.SyncAsync(cancellationToken);

    public Task<MediaDownload> DownloadMediaAsync(MediaReference media, CancellationToken cancellationToken) =>
        _media.DownloadAsync(media, cancellationToken);

    private static bool FixedTimeEquals(string expected, string? actual) =>
        actual is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
