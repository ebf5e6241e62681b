using System.Globalization;

namespace ContactCenter.Channels.Contracts.Outbound;

/// <summary>
/// WhatsApp's limits on a file per kind (Meta's media page: image JPEG/PNG 5 MB; video MP4/3GP 16 MB; audio
/// AAC/AMR/MP3/M4A/OGG 16 MB; documents 100 MB of the listed office types; stickers WebP 500 KB). Kept in the
/// contract so the send use case, the agent's composer and the sandbox phone refuse the same files with the
/// same words, in English and Brazilian Portuguese (like <see cref="OutboundReasons"/>).
/// </summary>
public static class MediaRules
{
    public const string TooLarge = "media_too_large";
    public const string TypeNotSupported = "media_type_not_supported";

    public const long MegaByte = 1024 * 1024;

    /// <summary>The largest file of any kind (a document).</summary>
    public const long MaxBytes = 100 * MegaByte;

    private static readonly Dictionary<OutboundMediaKind, (long MaxBytes, string[] MimeTypes)> Limits = new()
    {
        [OutboundMediaKind.Image] = (5 * MegaByte, ["image/jpeg", "image/png"]),
        [OutboundMediaKind.Video] = (16 * MegaByte, ["video/mp4", "video/3gpp"]),
        [OutboundMediaKind.Audio] = (16 * MegaByte, ["audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"]),
        [OutboundMediaKind.Document] = (MaxBytes,
        [
            "application/pdf", "text/plain", "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.ms-powerpoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ]),
        // 100 KB static, 500 KB animated: the larger one, since animation is not visible from the type.
        [OutboundMediaKind.Sticker] = (500 * 1024, ["image/webp"]),
    };

    // What browsers and phones call some of the same types, and what an untyped file's name says it is.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpg"] = "image/jpeg",
        ["image/pjpeg"] = "image/jpeg",
        ["audio/mp3"] = "audio/mpeg",
        ["audio/x-m4a"] = "audio/mp4",
        ["audio/m4a"] = "audio/mp4",
        ["audio/x-aac"] = "audio/aac",
        ["audio/opus"] = "audio/ogg",
        ["video/3gp"] = "video/3gpp",
    };

    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".png"] = "image/png", [".webp"] = "image/webp",
        [".mp4"] = "video/mp4", [".3gp"] = "video/3gpp",
        [".aac"] = "audio/aac", [".amr"] = "audio/amr", [".mp3"] = "audio/mpeg", [".m4a"] = "audio/mp4", [".ogg"] = "audio/ogg", [".opus"] = "audio/ogg",
        [".pdf"] = "application/pdf", [".txt"] = "text/plain",
        [".doc"] = "application/msword", [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xls"] = "application/vnd.ms-excel", [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".ppt"] = "application/vnd.ms-powerpoint", [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    };

    /// <summary>The largest file of this kind.</summary>
    public static long MaxBytesOf(OutboundMediaKind kind) => Limits[kind].MaxBytes;

    /// <summary>
    /// The type without parameters ("audio/ogg; codecs=opus" is audio/ogg), under WhatsApp's name; when the
    /// sender gave none (or only application/octet-stream), the one the file name's extension says. Null if unknown.
    /// </summary>
    public static string? NormalizeMimeType(string? mimeType, string? fileName)
    {
        var type = mimeType?.Split(';')[0].Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(type) || type == "application/octet-stream")
        {
            type = Path.GetExtension(fileName ?? string.Empty) is { Length: > 0 } extension && Extensions.TryGetValue(extension, out var known) ? known : null;
        }

        return type is not null && Aliases.TryGetValue(type, out var alias) ? alias : type;
    }

    /// <summary>The kind a file of this (normalized) type is sent as; null when WhatsApp takes no such file.</summary>
    public static OutboundMediaKind? KindOf(string? mimeType) =>
        mimeType is null ? null : Limits.Where(l => l.Value.MimeTypes.Contains(mimeType)).Select(l => (OutboundMediaKind?)l.Key).FirstOrDefault();

    /// <summary>Why WhatsApp would refuse this file as this kind, or null when it takes it (an unknown type or size is not judged).</summary>
    public static MediaRefusal? Check(OutboundMediaKind kind, string? mimeType, long? size)
    {
        var (maxBytes, types) = Limits[kind];
        if (mimeType is not null && !types.Contains(mimeType))
        {
            return new MediaRefusal(TypeNotSupported, kind, maxBytes, mimeType);
        }

        return size > maxBytes ? new MediaRefusal(TooLarge, kind, maxBytes, mimeType) : null;
    }

    /// <summary>The refusal in the culture's language (pt-BR for any pt culture, else English).</summary>
    public static string Describe(MediaRefusal refusal, CultureInfo? culture = null)
    {
        var portuguese = (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "pt";
        var limit = Size(refusal.MaxBytes, portuguese);
        if (refusal.Code == TooLarge)
        {
            return portuguese
                ? $"Arquivo grande demais: o WhatsApp aceita {KindPt(refusal.Kind)} de até {limit}."
                : $"The file is too large: WhatsApp takes {KindEn(refusal.Kind)} of up to {limit}.";
        }

        return portuguese
            ? $"O WhatsApp não aceita este tipo de arquivo ({refusal.MimeType ?? "desconhecido"}). Envie imagens JPG ou PNG (até 5 MB), vídeos MP4 ou 3GP (até 16 MB), áudios AAC, AMR, MP3, M4A ou OGG (até 16 MB) ou documentos PDF, Word, Excel, PowerPoint ou TXT (até 100 MB)."
            : $"WhatsApp does not take this type of file ({refusal.MimeType ?? "unknown"}). Send JPG or PNG pictures (up to 5 MB), MP4 or 3GP videos (up to 16 MB), AAC, AMR, MP3, M4A or OGG audio (up to 16 MB) or PDF, Word, Excel, PowerPoint or TXT documents (up to 100 MB).";
    }

    /// <summary>A size as people read it: "5 MB", "500 KB", "1,5 MB" in pt-BR.</summary>
    public static string Size(long bytes, bool portuguese)
    {
        var culture = portuguese ? CultureInfo.GetCultureInfo("pt-BR") : CultureInfo.InvariantCulture;
        return bytes >= MegaByte
            ? (bytes / (double)MegaByte).ToString("0.#", culture) + " MB"
            : Math.Max(1, bytes / 1024).ToString(culture) + " KB";
    }

    private static string KindPt(OutboundMediaKind kind) => kind switch
    {
        OutboundMediaKind.Image => "imagens",
        OutboundMediaKind.Video => "vídeos",
        OutboundMediaKind.Audio => "áudios",
        OutboundMediaKind.Sticker => "figurinhas",
        _ => "documentos",
    };

    private static string KindEn(OutboundMediaKind kind) => kind switch
    {
        OutboundMediaKind.Image => "pictures",
        OutboundMediaKind.Video => "videos",
        OutboundMediaKind.Audio => "audio files",
        OutboundMediaKind.Sticker => "stickers",
        _ => "documents",
    };
}

/// <summary>Why a file cannot go: its <see cref="Code"/> (<c>media_too_large</c> or <c>media_type_not_supported</c>) and the kind's limit.</summary>
public sealed record MediaRefusal(string Code, OutboundMediaKind Kind, long MaxBytes, string? MimeType);
