using System.Text.Json;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.Sandbox;

/// <summary>
/// A channel that talks to nobody: the sandbox phone page posts signed webhooks like a provider would, and
/// replies are "delivered" by accepting them here; the page reads them back from the host. Everything else
/// (inbox, outbox, the 24-hour window) is the host's real path.
/// </summary>
internal sealed class SandboxAdapter(ChannelAccountContext context, SandboxTemplates templates)
    : IChannelAdapter, ISupportsMedia, ISupportsTemplates, ISupportsTestPhone
{
    public const string SignatureHeader = "X-Sandbox-Signature";
    public const string SignaturePrefix = "sha256=";

    private readonly SandboxTestPhone _phone = new(context);

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

    public IReadOnlyList<InboundEvent> Parse(WebhookRequest request)
    {
        SandboxWebhook? webhook;
        try
        {
            webhook = JsonSerializer.Deserialize<SandboxWebhook>(request.Body.Span, SandboxWebhook.Json);
        }
        catch (JsonException e)
        {
            return [Unparseable.For(request, context.Clock.GetUtcNow(), $"The body is not sandbox JSON: {e.Message}")];
        }

        if (webhook is null || (webhook.Messages is null && webhook.Statuses is null))
        {
            return [Unparseable.For(request, context.Clock.GetUtcNow(), "The body has neither messages nor statuses.")];
        }

        var events = new List<InboundEvent>();
        events.AddRange((webhook.Messages ?? []).Select(m => SandboxParsing.Message(request, m, context.Clock)));
        events.AddRange((webhook.Statuses ?? []).Select(s => SandboxParsing.Status(request, s, context.Clock)));
        return events;
    }

    public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(message.Content switch
        {
            // Nothing to deliver to: accepting is what the phone page needs to see the reply.
            MarkAsRead => SendResult.Success(null),
            _ when string.IsNullOrEmpty(message.To.Phone) => SendResult.Failed(
                SendFailureKind.BadRecipient, "The sandbox phone has no number to send to.", "no_phone"),
            _ => SendResult.Success("sandbox-" + message.MessageId.ToString("N")),
        });

    public Task<MediaDownload> DownloadMediaAsync(MediaReference media, CancellationToken cancellationToken)
    {
        // The reference is a data URL: the picture came inside the webhook.
        if (!SandboxParsing.TryDecodeDataUrl(media.Id, out var contentType, out var bytes))
        {
            throw new InvalidOperationException("The sandbox media reference is not a data URL.");
        }

        return Task.FromResult(new MediaDownload(new MemoryStream(bytes, writable: false), contentType, bytes.Length));
    }

    public Task<TemplateSubmitResult> SubmitTemplateAsync(TemplateDefinition template, CancellationToken cancellationToken) =>
        Task.FromResult(templates.Submit(context, template));

    public Task<IReadOnlyList<TemplateState>> SyncTemplatesAsync(CancellationToken cancellationToken) =>
        Task.FromResult(templates.Sync(context));

    public WebhookRequest InboundMessages(IReadOnlyList<TestPhoneMessage> messages) => _phone.InboundMessages(messages);

    public WebhookRequest StatusUpdates(IReadOnlyList<TestPhoneStatus> statuses) => _phone.StatusUpdates(statuses);

    public IReadOnlyList<TestPhoneMessage> ReadMessages(ReadOnlyMemory<byte> body) => _phone.ReadMessages(body);

    public Task<ChannelCheckResult> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(ChannelCheckResult.Passed("The sandbox has no provider to reach; it is always available."));
}
