using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.WhatsAppCloud.Parsing;

/// <summary>
/// Turns a message's type-named object into <see cref="MessageContent"/> (reference §4.2). Shared by inbound
/// messages, echoes and the inner message of an edit.
/// </summary>
internal static class ContentParser
{
    /// <summary>Types whose object has the type's name, to infer a missing <c>type</c> (Meta's contacts sample has none).</summary>
    private static readonly string[] KnownTypes =
    [
        "text", "image", "video", "audio", "document", "sticker", "location", "contacts", "interactive", "button",
        "order", "reaction", "system", "edit", "revoke", "unsupported",
    ];

    public static bool TryRead(JsonElement message, [NotNullWhen(true)] out MessageContent? content, [NotNullWhen(false)] out string? problem)
    {
        var type = message.NonEmpty("type") ?? KnownTypes.FirstOrDefault(t => message.Prop(t) is not null) ?? "unknown";
        content = type switch
        {
            "text" => message.Obj("text")?.Str("body") is { } body ? new TextContent(body) : null,
            "image" or "video" or "audio" or "document" or "sticker" => MediaParser.Read(message, type),
            "location" => RichContentParser.Location(message),
            "contacts" => RichContentParser.Contacts(message),
            "order" => RichContentParser.Order(message),
            "reaction" => RichContentParser.Reaction(message),
            "interactive" => InteractiveParser.Interactive(message),
            "button" => InteractiveParser.Button(message),
            "system" => NoticeParser.System(message),
            "edit" => NoticeParser.Edit(message),
            "revoke" => NoticeParser.Revoke(message),
            _ => NoticeParser.Unsupported(message, type),
        };

        problem = content is null ? $"its '{type}' object is missing or lacks required fields" : null;
        return content is not null;
    }
}

/// <summary>Image, video, audio (voice flag), document and sticker (animated flag): a media id to download (§12).</summary>
internal static class MediaParser
{
    public static MediaContent? Read(JsonElement message, string type)
    {
        if (message.Obj(type) is not { } media || media.NonEmpty("id") is not { } id)
        {
            return null;
        }

        var kind = type switch
        {
            "image" => MediaKind.Image,
            "video" => MediaKind.Video,
            "audio" => MediaKind.Audio,
            "document" => MediaKind.Document,
            _ => MediaKind.Sticker,
        };

        // url appears from 2025-11-12 on, gradually (§4.2); the id stays the way to download.
        return new MediaContent(kind, new MediaReference(id, media.NonEmpty("url")), media.NonEmpty("mime_type"),
            media.Str("caption"), media.NonEmpty("filename"), media.NonEmpty("sha256"))
        {
            IsVoice = media.Bool("voice"),
            IsAnimated = media.Bool("animated"),
        };
    }
}
