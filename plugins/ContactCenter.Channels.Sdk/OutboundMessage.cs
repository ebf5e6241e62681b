namespace ContactCenter.Channels.Sdk;

/// <summary>A message the host asks the adapter to send.</summary>
/// <param name="MessageId">
/// The host's id of the message; the idempotency key (a retry of the same message carries the same id, so
/// an adapter whose provider supports it can avoid sending twice).
/// </param>
/// <param name="To">Who receives it.</param>
/// <param name="Content">What to send.</param>
public sealed record OutboundMessage(Guid MessageId, Recipient To, OutboundContent Content)
{
    /// <summary>The provider id of the message this one replies to (quoted in the app), when any.</summary>
    public string? ReplyToProviderMessageId { get; init; }
}

/// <summary>Who receives a message: a phone number, a provider user id, or both.</summary>
/// <param name="Phone">E.164 digits without the plus (<c>5511999999999</c>), when known.</param>
/// <param name="ProviderUserId">The provider's user id (WhatsApp's BSUID), when known.</param>
public sealed record Recipient(string? Phone, string? ProviderUserId = null)
{
    /// <summary>A recipient known by phone number.</summary>
    /// <param name="phone">E.164 digits without the plus.</param>
    /// <returns>The recipient.</returns>
    public static Recipient ForPhone(string phone) => new(phone);
}

/// <summary>What an outbound message carries.</summary>
public abstract record OutboundContent;

/// <summary>Free-form text (inside the session window, where the channel has one).</summary>
/// <param name="Body">The text.</param>
/// <param name="PreviewUrl">Whether the app should show a preview of the first link.</param>
public sealed record OutboundText(string Body, bool PreviewUrl = false) : OutboundContent;

/// <summary>An image, video, audio, document or sticker.</summary>
/// <param name="Kind">What kind of media.</param>
/// <param name="Source">Where the file comes from.</param>
/// <param name="Caption">Text shown with it (not for audio or stickers).</param>
/// <param name="FileName">The file name shown, for documents.</param>
public sealed record OutboundMedia(MediaKind Kind, OutboundMediaSource Source, string? Caption = null, string? FileName = null)
    : OutboundContent;

/// <summary>Where an outbound media file comes from.</summary>
public abstract record OutboundMediaSource;

/// <summary>A public URL the provider downloads the file from.</summary>
/// <param name="Url">The file's URL.</param>
public sealed record MediaLink(Uri Url) : OutboundMediaSource;

/// <summary>A file the adapter uploads to the provider first.</summary>
/// <param name="OpenReadAsync">Opens the file's content; the adapter disposes the stream.</param>
/// <param name="MimeType">Its media type (e.g. <c>application/pdf</c>).</param>
/// <param name="FileName">Its file name.</param>
public sealed record MediaUpload(Func<CancellationToken, Task<Stream>> OpenReadAsync, string MimeType, string FileName)
    : OutboundMediaSource;

/// <summary>A file already held by the provider (uploaded before, or received).</summary>
/// <param name="Id">The provider's media id.</param>
public sealed record MediaId(string Id) : OutboundMediaSource;

/// <summary>An approved template, with its parameters (the only kind allowed outside the session window).</summary>
/// <param name="Name">The template's name.</param>
/// <param name="Language">Its language code (e.g. <c>pt_BR</c>).</param>
/// <param name="HeaderParameters">Parameters of the header, in order.</param>
/// <param name="BodyParameters">Parameters of the body, in order.</param>
/// <param name="ButtonParameters">Parameters of buttons that take one.</param>
public sealed record OutboundTemplate(
    string Name,
    string Language,
    IReadOnlyList<TemplateParameter> HeaderParameters,
    IReadOnlyList<TemplateParameter> BodyParameters,
    IReadOnlyList<TemplateButtonParameter> ButtonParameters) : OutboundContent;

/// <summary>A value for a template placeholder.</summary>
/// <param name="Name">The placeholder's name for named templates (<c>{{first_name}}</c>); null for positional ones.</param>
public abstract record TemplateParameter(string? Name);

/// <summary>A text value.</summary>
/// <param name="Text">The text.</param>
/// <param name="Name">The placeholder's name, for named templates.</param>
public sealed record TextParameter(string Text, string? Name = null) : TemplateParameter(Name);

/// <summary>A media header (image, video or document).</summary>
/// <param name="Kind">What kind of media.</param>
/// <param name="Source">Where the file comes from.</param>
/// <param name="Name">The placeholder's name, for named templates.</param>
public sealed record MediaParameter(MediaKind Kind, OutboundMediaSource Source, string? Name = null) : TemplateParameter(Name);

/// <summary>The value of a template button that takes one.</summary>
/// <param name="Index">The button's position in the template, from 0.</param>
/// <param name="Kind">The kind of button.</param>
/// <param name="Value">The quick-reply payload, or the URL suffix.</param>
public sealed record TemplateButtonParameter(int Index, TemplateButtonKind Kind, string Value);

/// <summary>Kinds of template buttons that take a parameter.</summary>
public enum TemplateButtonKind
{
    /// <summary>A quick reply; the value comes back as <see cref="ButtonContent.Payload"/>.</summary>
    QuickReply,

    /// <summary>A link; the value completes the URL.</summary>
    Url,
}

/// <summary>React to a message with an emoji, or remove the reaction, where the channel has reactions.</summary>
/// <param name="TargetProviderMessageId">The provider id of the message to react to.</param>
/// <param name="Emoji">The emoji; null or empty removes an earlier reaction.</param>
public sealed record OutboundReaction(string TargetProviderMessageId, string? Emoji) : OutboundContent;

/// <summary>Mark a received message (and those before it) as read, where the channel has read receipts.</summary>
/// <param name="ProviderMessageId">The provider id of the received message.</param>
/// <param name="ShowTypingIndicator">Also show "typing…" to the contact until the reply.</param>
public sealed record MarkAsRead(string ProviderMessageId, bool ShowTypingIndicator = false) : OutboundContent;
