using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.Sandbox;

/// <summary>Sandbox webhook entries to the SDK's events; a bad entry becomes Unparseable on its own.</summary>
internal static class SandboxParsing
{
    public static InboundEvent Message(WebhookRequest request, SandboxMessage? m, TimeProvider clock)
    {
        if (m is null)
        {
            return Unparseable.For(request, clock.GetUtcNow(), "A sandbox message entry is null.");
        }

        if (Time(m.Timestamp, clock) is not { } at)
        {
            return Unparseable.For(request, clock.GetUtcNow(), $"Sandbox message {m.Id}: the timestamp {m.Timestamp} is not Unix seconds between 1970 and 9999.");
        }

        if (string.IsNullOrWhiteSpace(m.Id) || string.IsNullOrWhiteSpace(m.From) || !m.From.All(char.IsAsciiDigit))
        {
            return Unparseable.For(request, at, "A sandbox message needs an id and a 'from' phone number (digits only).");
        }

        MessageContent? content = m.Type switch
        {
            "text" when !string.IsNullOrEmpty(m.Text) => new TextContent(m.Text),
            "image" or "video" or "audio" or "document" or "sticker" when m.Data is { Length: > 0 } data && m.MimeType is { Length: > 0 } mime =>
                new MediaContent(Enum.Parse<MediaKind>(m.Type, ignoreCase: true), new MediaReference($"data:{mime};base64,{data}"), mime, m.Caption, m.FileName),
            _ => null,
        };
        return content is null
            ? Unparseable.For(request, at, $"Sandbox message {m.Id}: type '{m.Type}' is not text, image, video, audio, document or sticker, or it is empty.")
            : new MessageReceived(m.Id, at, m.Id, new Sender(m.From, null, m.Name), content);
    }

    public static InboundEvent Status(WebhookRequest request, SandboxStatus? s, TimeProvider clock)
    {
        if (s is null)
        {
            return Unparseable.For(request, clock.GetUtcNow(), "A sandbox status entry is null.");
        }

        if (Time(s.Timestamp, clock) is not { } at)
        {
            return Unparseable.For(request, clock.GetUtcNow(), $"Sandbox status {s.Id}: the timestamp {s.Timestamp} is not Unix seconds between 1970 and 9999.");
        }

        DeliveryStatus? status = s.Status switch
        {
            "delivered" => DeliveryStatus.Delivered,
            "read" => DeliveryStatus.Read,
            _ => null,
        };
        return string.IsNullOrWhiteSpace(s.Id) || status is null
            ? Unparseable.For(request, at, "A sandbox status needs the reply's id and 'delivered' or 'read'.")
            : new MessageStatusChanged($"{s.Id}:{s.Status}", at, s.Id, status.Value);
    }

    public static bool TryDecodeDataUrl(string value, out string contentType, out byte[] bytes)
    {
        contentType = "application/octet-stream";
        bytes = [];
        const string marker = ";base64,";
        var comma = value.IndexOf(marker, StringComparison.Ordinal);
        if (!value.StartsWith("data:", StringComparison.Ordinal) || comma < 0)
        {
            return false;
        }

        contentType = value[5..comma];
        try
        {
            bytes = Convert.FromBase64String(value[(comma + marker.Length)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The entry's instant: Unix seconds a <see cref="DateTimeOffset"/> can hold (null otherwise), or now when it gives none.</summary>
    public static DateTimeOffset? Time(long? seconds, TimeProvider clock) => seconds is { } given ? Time(given) : clock.GetUtcNow();

    /// <summary>Unix seconds as an instant, or null when a <see cref="DateTimeOffset"/> cannot hold them.</summary>
    public static DateTimeOffset? Time(long seconds) =>
        seconds is >= 0 and < 253402300800 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
