namespace ContactCenter.Channels.Sdk;

/// <summary>What an inbound (or echoed) message carries. Unknown kinds become <see cref="UnsupportedContent"/>.</summary>
public abstract record MessageContent;

/// <summary>Plain text.</summary>
/// <param name="Body">The text.</param>
public sealed record TextContent(string Body) : MessageContent;

/// <summary>An image, video, audio, document or sticker, downloadable through <see cref="ISupportsMedia"/>.</summary>
/// <param name="Kind">What kind of media.</param>
/// <param name="Media">How to download it.</param>
/// <param name="MimeType">Its media type, when given (e.g. <c>image/jpeg</c>).</param>
/// <param name="Caption">The text sent with it, when any.</param>
/// <param name="FileName">The file name, for documents.</param>
/// <param name="Sha256">The provider's SHA-256 of the file, to verify the download.</param>
public sealed record MediaContent(
    MediaKind Kind,
    MediaReference Media,
    string? MimeType,
    string? Caption = null,
    string? FileName = null,
    string? Sha256 = null) : MessageContent
{
    /// <summary>True for a voice note recorded in the app (as opposed to an audio file).</summary>
    public bool IsVoice { get; init; }

    /// <summary>True for an animated sticker.</summary>
    public bool IsAnimated { get; init; }
}

/// <summary>Kinds of media.</summary>
public enum MediaKind
{
    /// <summary>A picture.</summary>
    Image,

    /// <summary>A video.</summary>
    Video,

    /// <summary>Audio or a voice note.</summary>
    Audio,

    /// <summary>A document (PDF, spreadsheet…).</summary>
    Document,

    /// <summary>A sticker.</summary>
    Sticker,
}

/// <summary>The provider's handle on a media file.</summary>
/// <param name="Id">The provider's media id.</param>
/// <param name="Url">A direct URL, when the provider gives one (it may need the account's credentials).</param>
public sealed record MediaReference(string Id, string? Url = null);

/// <summary>A place.</summary>
/// <param name="Latitude">Degrees north.</param>
/// <param name="Longitude">Degrees east.</param>
/// <param name="Name">The place's name, when given.</param>
/// <param name="Address">Its address, when given.</param>
/// <param name="Url">A link about it, when given.</param>
public sealed record LocationContent(double Latitude, double Longitude, string? Name = null, string? Address = null, string? Url = null)
    : MessageContent;

/// <summary>One or more contact cards.</summary>
/// <param name="Contacts">The cards.</param>
public sealed record ContactsContent(IReadOnlyList<SharedContact> Contacts) : MessageContent;

/// <summary>A contact card.</summary>
/// <param name="Name">The formatted name.</param>
/// <param name="Phones">Phone numbers as written on the card.</param>
/// <param name="Emails">E-mail addresses.</param>
/// <param name="Organization">Company, when given.</param>
public sealed record SharedContact(string Name, IReadOnlyList<string> Phones, IReadOnlyList<string> Emails, string? Organization = null);

/// <summary>The contact answered an interactive message (tapped a reply button, picked a list row, sent a form).</summary>
/// <param name="Kind">Which kind of interactive element.</param>
/// <param name="Id">The id the business gave the button or row (a chatbot's trigger key).</param>
/// <param name="Title">What the contact saw and tapped.</param>
/// <param name="Description">The row description, for list rows.</param>
/// <param name="ResponseJson">The submitted form as JSON, for flows.</param>
public sealed record InteractiveReplyContent(
    InteractiveReplyKind Kind,
    string Id,
    string Title,
    string? Description = null,
    string? ResponseJson = null) : MessageContent;

/// <summary>Kinds of interactive replies.</summary>
public enum InteractiveReplyKind
{
    /// <summary>A reply button.</summary>
    Button,

    /// <summary>A row of a list.</summary>
    ListRow,

    /// <summary>A submitted form (WhatsApp Flow).</summary>
    Flow,
}

/// <summary>The contact tapped a quick-reply button of a template message.</summary>
/// <param name="Text">The button's label.</param>
/// <param name="Payload">The payload the template set for the button, when any.</param>
public sealed record ButtonContent(string Text, string? Payload) : MessageContent;

/// <summary>The contact ordered from the business's catalog.</summary>
/// <param name="CatalogId">The catalog, when given.</param>
/// <param name="Text">The contact's note, when any.</param>
/// <param name="Items">What was ordered.</param>
public sealed record OrderContent(string? CatalogId, string? Text, IReadOnlyList<OrderItem> Items) : MessageContent;

/// <summary>One line of an order.</summary>
/// <param name="ProductId">The product's id in the catalog.</param>
/// <param name="Quantity">How many.</param>
/// <param name="ItemPrice">Unit price, when given.</param>
/// <param name="Currency">ISO 4217 currency of the price, when given.</param>
public sealed record OrderItem(string ProductId, int Quantity, decimal? ItemPrice, string? Currency);

/// <summary>The contact reacted to a message with an emoji, or removed their reaction.</summary>
/// <param name="TargetProviderMessageId">The provider id of the message reacted to.</param>
/// <param name="Emoji">The emoji; null when the reaction was removed.</param>
public sealed record ReactionContent(string TargetProviderMessageId, string? Emoji) : MessageContent;

/// <summary>A notice from the provider about the contact (e.g. they changed their number).</summary>
/// <param name="Kind">The provider's kind of notice (e.g. <c>user_changed_number</c>).</param>
/// <param name="Text">The notice's text.</param>
/// <param name="NewProviderUserId">The contact's new id, when the notice carries one.</param>
public sealed record SystemContent(string Kind, string Text, string? NewProviderUserId = null) : MessageContent;

/// <summary>The contact edited an earlier message.</summary>
/// <param name="OriginalProviderMessageId">The provider id of the edited message.</param>
/// <param name="NewContent">What it says now.</param>
public sealed record EditContent(string OriginalProviderMessageId, MessageContent NewContent) : MessageContent;

/// <summary>The contact deleted an earlier message for everyone.</summary>
/// <param name="OriginalProviderMessageId">The provider id of the deleted message.</param>
public sealed record RevokeContent(string OriginalProviderMessageId) : MessageContent;

/// <summary>A kind of message this plugin does not understand; kept so the conversation shows that something arrived.</summary>
/// <param name="ProviderType">The provider's name for the kind, when known (e.g. <c>poll</c>).</param>
/// <param name="RawJson">The provider's JSON for the message.</param>
public sealed record UnsupportedContent(string? ProviderType, string RawJson) : MessageContent;
