using System.Globalization;
using System.Text.Json.Nodes;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.WhatsAppCloud.Sending;

/// <summary>
/// Request bodies of <c>POST /{phone-number-id}/messages</c> (reference §7), shaped like Meta's published
/// examples (fixtures <c>send_*_request</c>).
/// </summary>
internal static class MessageBodies
{
    /// <summary>
    /// Always E.164 with the plus: without it Meta prepends the business number's country code (§7).
    /// A reply context is not allowed on reactions.
    /// </summary>
    public static JsonObject Envelope(string phoneDigits, string type, string? replyTo)
    {
        var body = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["recipient_type"] = "individual",
            ["to"] = "+" + phoneDigits,
        };
        if (replyTo is not null && type != "reaction")
        {
            body["context"] = new JsonObject { ["message_id"] = replyTo };
        }

        body["type"] = type;
        return body;
    }

    public static JsonObject Text(string to, OutboundText text, string? replyTo)
    {
        var body = Envelope(to, "text", replyTo);
        body["text"] = new JsonObject { ["preview_url"] = text.PreviewUrl, ["body"] = text.Body };
        return body;
    }

    /// <summary>Captions exist for image, video and document; file names for documents only (§7).</summary>
    public static JsonObject Media(string to, OutboundMedia media, JsonObject source, string? replyTo)
    {
        var type = TypeName(media.Kind);
        if (media.Caption is { Length: > 0 } caption && media.Kind is MediaKind.Image or MediaKind.Video or MediaKind.Document)
        {
            source["caption"] = caption;
        }

        if (media.Kind == MediaKind.Document && media.FileName is { Length: > 0 } fileName)
        {
            source["filename"] = fileName;
        }

        var body = Envelope(to, type, replyTo);
        body[type] = source;
        return body;
    }

    /// <summary>An empty emoji removes the business's earlier reaction.</summary>
    public static JsonObject Reaction(string to, OutboundReaction reaction)
    {
        var body = Envelope(to, "reaction", null);
        body["reaction"] = new JsonObject { ["message_id"] = reaction.TargetProviderMessageId, ["emoji"] = reaction.Emoji ?? string.Empty };
        return body;
    }

    /// <summary>Marks the message (and earlier ones) read; the typing indicator lasts until the reply or 25 s (§7).</summary>
    public static JsonObject MarkAsRead(MarkAsRead read)
    {
        var body = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["status"] = "read",
            ["message_id"] = read.ProviderMessageId,
        };
        if (read.ShowTypingIndicator)
        {
            body["typing_indicator"] = new JsonObject { ["type"] = "text" };
        }

        return body;
    }

    public static JsonObject Template(string to, OutboundTemplate template, JsonArray components, string? replyTo)
    {
        var body = Envelope(to, "template", replyTo);
        var content = new JsonObject
        {
            ["name"] = template.Name,
            ["language"] = new JsonObject { ["code"] = template.Language },
        };
        if (components.Count > 0)
        {
            content["components"] = components;
        }

        body["template"] = content;
        return body;
    }

    /// <summary>Named templates add <c>parameter_name</c>; positional ones rely on order (§7).</summary>
    public static JsonObject TextParameter(string text, string? name)
    {
        var parameter = new JsonObject { ["type"] = "text" };
        if (name is not null)
        {
            parameter["parameter_name"] = name;
        }

        parameter["text"] = text;
        return parameter;
    }

    public static JsonObject MediaParameter(MediaKind kind, JsonObject source, string? name)
    {
        var type = TypeName(kind);
        var parameter = new JsonObject { ["type"] = type };
        if (name is not null)
        {
            parameter["parameter_name"] = name;
        }

        parameter[type] = source;
        return parameter;
    }

    /// <summary>Button components need <c>sub_type</c> and the button's index as a string (§7).</summary>
    public static JsonObject Button(TemplateButtonParameter button) => new()
    {
        ["type"] = "button",
        ["sub_type"] = button.Kind == TemplateButtonKind.QuickReply ? "quick_reply" : "url",
        ["index"] = button.Index.ToString(CultureInfo.InvariantCulture),
        ["parameters"] = new JsonArray(button.Kind == TemplateButtonKind.QuickReply
            ? new JsonObject { ["type"] = "payload", ["payload"] = button.Value }
            : new JsonObject { ["type"] = "text", ["text"] = button.Value }),
    };

    public static string TypeName(MediaKind kind) => kind switch
    {
        MediaKind.Image => "image",
        MediaKind.Video => "video",
        MediaKind.Audio => "audio",
        MediaKind.Document => "document",
        _ => "sticker",
    };
}
