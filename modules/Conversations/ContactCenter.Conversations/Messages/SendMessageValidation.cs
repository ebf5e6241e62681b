using System.Globalization;
using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Conversations.Media;
using ContactCenter.Kernel.Errors;

namespace ContactCenter.Conversations.Messages;

/// <summary>
/// The form of a reply <see cref="SendMessage"/> takes before it touches a conversation: text or exactly one media
/// source, and WhatsApp's limits per kind (<see cref="MediaRules"/>), so a refused file costs no database work.
/// </summary>
internal static class SendMessageValidation
{
    /// <summary>
    /// The most an inline (base64 in JSON) file may have: 16 MB becomes ~22 MB of JSON, under the server's 30 MB
    /// request limit. Larger documents (WhatsApp takes 100 MB) go by url or as the raw body of …/messages/media.
    /// </summary>
    public const int MaxMediaBytes = 16 * 1024 * 1024;

    /// <summary>WhatsApp's longest media caption.</summary>
    public const int MaxCaption = 1024;

    /// <summary>What a media message carries once its form is checked: the kind, the normalized type and inline bytes.</summary>
    internal sealed record CheckedMedia(OutboundMediaKind Kind, string? MimeType, byte[]? Bytes);

    /// <summary>The request's form, then WhatsApp's per-kind type and size limits (<see cref="MediaRules"/>: one place for every sender).</summary>
    public static Result<CheckedMedia?> Validate(SendMessage.Request request, SendMessage.Upload? upload)
    {
        var validator = new Validator();
        if (request.Media is null)
        {
            validator.Require("text", request.Text, "Write the message, or attach media.");
            validator.Check((request.Text?.Length ?? 0) <= 4096, "text", "A WhatsApp text has at most 4096 characters.");
            return validator.IsValid ? (CheckedMedia?)null : validator.ToError();
        }

        var media = request.Media;
        var kindName = media.Kind?.Trim().ToLowerInvariant();
        validator.Check(kindName is null or "image" or "video" or "audio" or "document" or "sticker", "media.kind", "The kind must be image, video, audio, document or sticker.");
        validator.Check(new object?[] { media.Url, media.DataBase64, upload }.Count(source => source is not null) == 1, "media", "Give either a url or dataBase64.");
        Uri? link = null;
        validator.Check(media.Url is null || Uri.TryCreate(media.Url, UriKind.Absolute, out link) && link.Scheme == Uri.UriSchemeHttps, "media.url", "The link must be an https URL.");
        validator.Check((media.Caption?.Length ?? 0) <= MaxCaption, "media.caption", $"A caption has at most {MaxCaption} characters.");
        byte[]? bytes = null;
        if (media.DataBase64 is not null)
        {
            validator.Require("media.mimeType", media.MimeType, "Say what type the file is (e.g. image/jpeg).");
            try
            {
                bytes = Convert.FromBase64String(media.DataBase64);
                validator.Check(bytes.Length > 0, "media.dataBase64", "The file is empty.");
            }
            catch (FormatException)
            {
                validator.Add("media.dataBase64", "This is not base64.");
            }
        }

        if (upload is not null)
        {
            validator.Require("media.fileName", media.FileName, $"Name the file (the {SendMessage.FileNameHeader} header).");
            validator.Check(upload.Length is null or > 0, "media", "The file is empty.");
        }

        if (!validator.IsValid)
        {
            return validator.ToError();
        }

        // A link's type is what it says, else what its name ends with; an unknown one is left to the provider.
        var mimeType = MediaRules.NormalizeMimeType(media.MimeType, media.FileName ?? link?.AbsolutePath);
        var kind = kindName is not null ? Enum.Parse<OutboundMediaKind>(kindName, ignoreCase: true)
            : MediaRules.KindOf(mimeType) ?? (mimeType is null ? OutboundMediaKind.Image : (OutboundMediaKind?)null);
        var refusal = kind is { } known
            ? MediaRules.Check(known, mimeType, bytes?.LongLength ?? upload?.Length)
            : new MediaRefusal(MediaRules.TypeNotSupported, OutboundMediaKind.Document, MediaRules.MaxBytes, mimeType);
        if (refusal is not null)
        {
            return Refused(refusal);
        }

        if (bytes is not null && bytes.Length > MaxMediaBytes)
        {
            validator.Add("media.dataBase64", $"An inline file has at most {MaxMediaBytes / 1024 / 1024} MB: send a larger document by url, or as the raw body of POST /api/v1/conversations/{{id}}/messages/media.");
            return validator.ToError();
        }

        return new CheckedMedia(kind!.Value, mimeType, bytes);
    }

    /// <summary>The problem for a file WhatsApp would refuse: 413 too large, 415 type not taken (English for the API; the UI says it in pt-BR).</summary>
    public static Error Refused(MediaRefusal refusal) =>
        new(refusal.Code, MediaRules.Describe(refusal, CultureInfo.InvariantCulture), refusal.Code == MediaRules.TooLarge ? 413 : 415);
}
