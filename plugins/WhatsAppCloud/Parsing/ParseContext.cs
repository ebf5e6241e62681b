using System.Security.Cryptography;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.WhatsAppCloud.Parsing;

/// <summary>
/// Collects the events of one webhook body. A part that cannot be read becomes an <see cref="Unparseable"/>
/// for that part only, so one odd message never loses the rest of a batch (reference §3: up to 1000 updates).
/// </summary>
internal sealed class ParseContext(ReadOnlyMemory<byte> body, DateTimeOffset now)
{
    private readonly List<InboundEvent> _events = [];
    private string? _bodyHash;

    /// <summary>The adapter's "now": only for parts whose own timestamp is missing or unreadable.</summary>
    public DateTimeOffset Now { get; } = now;

    public IReadOnlyList<InboundEvent> Events => _events;

    /// <summary>
    /// Keys of parts without an id of their own: redeliveries repeat the same body (reference §3), so the
    /// body's hash plus the part's position is stable across them and unique within the body.
    /// </summary>
    public string BodyKey(string path) =>
        (_bodyHash ??= Convert.ToHexStringLower(SHA256.HashData(body.Span))) + ":" + path;

    public void Add(InboundEvent inboundEvent) => _events.Add(inboundEvent);

    /// <summary>Records an unreadable part, keyed by its provider id when it has one.</summary>
    public void Unreadable(string path, string reason, string? providerKey = null) =>
        _events.Add(new Unparseable("unparseable:" + (providerKey ?? BodyKey(path)), Now, $"{path}: {reason}"));
}
