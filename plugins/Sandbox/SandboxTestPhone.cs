using System.Text.Json;
using System.Text.Json.Serialization;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.Sandbox;

/// <summary>
/// The sandbox's wire format, written for the host's test phone: the same <see cref="SandboxWebhook"/> JSON the
/// adapter parses, signed with the account's secret the way <see cref="SandboxAdapter.VerifySignature"/> checks it.
/// Only this plugin knows the JSON's shape; the host hands over messages and statuses and gets a request back.
/// </summary>
internal sealed class SandboxTestPhone(ChannelAccountContext context) : ISupportsTestPhone
{
    // Absent fields are left out rather than written as null: the body is what a provider would send.
    private static readonly JsonSerializerOptions Write = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public WebhookRequest InboundMessages(IReadOnlyList<TestPhoneMessage> messages) =>
        Signed(new SandboxWebhook([.. messages.Select(ToWire)], null));

    public WebhookRequest StatusUpdates(IReadOnlyList<TestPhoneStatus> statuses) =>
        Signed(new SandboxWebhook(null, [.. statuses.Select(s => new SandboxStatus(s.ProviderMessageId, Status(s.Status), s.At.ToUnixTimeSeconds()))]));

    public IReadOnlyList<TestPhoneMessage> ReadMessages(ReadOnlyMemory<byte> body)
    {
        SandboxWebhook? webhook;
        try
        {
            webhook = JsonSerializer.Deserialize<SandboxWebhook>(body.Span, SandboxWebhook.Json);
        }
        catch (JsonException)
        {
            // Not the sandbox's JSON (someone else posted to the webhook): no phone message in it.
            return [];
        }

        return
        [
            .. (webhook?.Messages ?? []).OfType<SandboxMessage>()
                .Where(m => m is { Id.Length: > 0, From.Length: > 0 })
                .Select(m => new TestPhoneMessage(
                    m.Id!,
                    m.From!,
                    m.Name,
                    SandboxParsing.Time(m.Timestamp ?? 0) ?? DateTimeOffset.UnixEpoch,
                    m.Text,
                    Enum.TryParse<MediaKind>(m.Type, ignoreCase: true, out var kind) && m.Type != "text"
                        ? new TestPhoneFile(kind, m.MimeType ?? string.Empty, m.FileName, m.Caption, ReadOnlyMemory<byte>.Empty)
                        : null)),
        ];
    }

    // One flat object per message: the person's fields plus the content's (text, or the file inline as base64).
    private static SandboxMessage ToWire(TestPhoneMessage m) => new(
        m.Id,
        m.From,
        m.Name,
        m.SentAt.ToUnixTimeSeconds(),
        m.File is { } file ? file.Kind.ToString().ToLowerInvariant() : "text",
        m.Text,
        m.File?.MimeType,
        m.File?.Caption,
        m.File?.FileName,
        m.File is { } withData ? Convert.ToBase64String(withData.Content.Span) : null);

    private static string Status(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Delivered => "delivered",
        DeliveryStatus.Read => "read",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "The sandbox phone reports only delivered and read."),
    };

    private WebhookRequest Signed(SandboxWebhook webhook)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(webhook, Write);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" };
        if (context.Setting("signingSecret") is { } secret)
        {
            headers[SandboxAdapter.SignatureHeader] = SandboxAdapter.SignaturePrefix + WebhookSignatures.HmacSha256Hex(secret, body);
        }

        return new WebhookRequest("POST", "/webhooks/" + context.ChannelAccountId, [], headers, body);
    }
}
