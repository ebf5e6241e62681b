using System.Text.Json;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.WhatsAppCloud.Parsing;

/// <summary>System notices, edits, deletions and the types WhatsApp itself cannot show (reference §4.2).</summary>
internal static class NoticeParser
{
    /// <summary><c>user_changed_number</c> carries the new id in <c>wa_id</c> (older payloads: <c>new_wa_id</c>).</summary>
    public static SystemContent? System(JsonElement message) =>
        message.Obj("system") is { } system
            ? new SystemContent(system.NonEmpty("type") ?? "system", system.Str("body") ?? string.Empty,
                system.NonEmpty("wa_id") ?? system.NonEmpty("new_wa_id") ?? system.NonEmpty("user_id"))
            : null;

    /// <summary>An edit nests the new message; a new content this version cannot read is kept raw, not lost.</summary>
    public static EditContent? Edit(JsonElement message)
    {
        if (message.Obj("edit") is not { } edit || edit.NonEmpty("original_message_id") is not { } original)
        {
            return null;
        }

        var inner = edit.Obj("message");
        MessageContent content = inner is { } newMessage && ContentParser.TryRead(newMessage, out var read, out _)
            ? read
            : new UnsupportedContent(inner?.NonEmpty("type"), inner?.GetRawText() ?? "{}");
        return new EditContent(original, content);
    }

    public static RevokeContent? Revoke(JsonElement message) =>
        message.Obj("revoke")?.NonEmpty("original_message_id") is { } original ? new RevokeContent(original) : null;

    /// <summary>
    /// <c>unsupported</c> (with <c>unsupported.type</c>, e.g. <c>edit</c>, <c>poll</c>), the older <c>unknown</c>, and any
    /// type newer than this plugin: the raw JSON (including <c>errors[]</c>) is kept so the conversation shows
    /// that something arrived (§4.2: never drop the conversation).
    /// </summary>
    public static UnsupportedContent Unsupported(JsonElement message, string type) =>
        new(message.Obj("unsupported")?.NonEmpty("type") ?? type, message.GetRawText());
}
