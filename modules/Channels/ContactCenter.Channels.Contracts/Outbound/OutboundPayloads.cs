using System.Text.Json.Serialization;

namespace ContactCenter.Channels.Contracts.Outbound;

/// <summary>
/// What an outbound message carries, independent of the plugin SDK (the Channels module maps it). Stored as
/// JSON in the outbox, so the discriminators below are part of the stored format: never rename them.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SendText), "text")]
[JsonDerivedType(typeof(SendMedia), "media")]
[JsonDerivedType(typeof(SendTemplate), "template")]
[JsonDerivedType(typeof(SendReaction), "reaction")]
[JsonDerivedType(typeof(SendReadReceipt), "read")]
public abstract record OutboundPayload
{
    /// <summary>The stored discriminator, also the outbox row's content type.</summary>
    [JsonIgnore]
    public abstract string TypeName { get; }
}

/// <summary>Free-form text (inside the 24-hour window).</summary>
public sealed record SendText(string Body, bool PreviewUrl = false, string? ReplyToProviderMessageId = null) : OutboundPayload
{
    public override string TypeName => "text";
}

public enum OutboundMediaKind
{
    Image,
    Video,
    Audio,
    Document,
    Sticker,
}

/// <summary>
/// A media message, either by public <see cref="Link"/> or by <see cref="FileReference"/> to a stored file
/// (opened through <see cref="IOutboundFileSource"/> and uploaded first; <see cref="MimeType"/> required then).
/// </summary>
public sealed record SendMedia(
    OutboundMediaKind Kind,
    Uri? Link = null,
    string? FileReference = null,
    string? MimeType = null,
    string? Caption = null,
    string? FileName = null,
    string? ReplyToProviderMessageId = null) : OutboundPayload
{
    public override string TypeName => "media";
}

/// <summary>An approved template with its parameters (the only kind allowed outside the window).</summary>
public sealed record SendTemplate(
    string Name,
    string Language,
    IReadOnlyList<TemplateValue>? HeaderParameters = null,
    IReadOnlyList<TemplateValue>? BodyParameters = null,
    IReadOnlyList<TemplateButtonValue>? ButtonParameters = null) : OutboundPayload
{
    public override string TypeName => "template";
}

/// <summary>A template placeholder's value: text, or (header only) a media link.</summary>
/// <param name="Text">The text, for text parameters.</param>
/// <param name="MediaKind">The media kind, for media header parameters.</param>
/// <param name="MediaLink">The media's public URL, for media header parameters.</param>
/// <param name="Name">The placeholder's name for named templates; null for positional ones.</param>
public sealed record TemplateValue(string? Text, OutboundMediaKind? MediaKind = null, Uri? MediaLink = null, string? Name = null);

/// <summary>A template button's value: the quick-reply payload or the URL suffix.</summary>
public sealed record TemplateButtonValue(int Index, bool IsUrl, string Value);

/// <summary>React to a message with an emoji; an empty emoji removes the reaction.</summary>
public sealed record SendReaction(string TargetProviderMessageId, string? Emoji) : OutboundPayload
{
    public override string TypeName => "reaction";
}

/// <summary>Mark a received message as read: fire-and-forget, sent after the other messages that are due.</summary>
public sealed record SendReadReceipt(string ProviderMessageId, bool ShowTypingIndicator = false) : OutboundPayload
{
    public override string TypeName => "read";
}
