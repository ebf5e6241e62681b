using System.Net;
using System.Security.Cryptography;
using ContactCenter.Channels.Sdk;
using ContactCenter.Plugins.WhatsAppCloud.Graph;

namespace ContactCenter.Plugins.WhatsAppCloud.Media;

/// <summary>
/// Reference §12: <c>GET /{media-id}</c> gives a URL valid for 5 minutes, then <c>GET url</c> with the same
/// Bearer token gives the bytes. An expired URL (404/403/410) is re-resolved once. The file is checked against
/// Meta's sha256 (hex in some payloads, base64 in others).
/// </summary>
internal sealed class MediaDownloader(GraphClient graph)
{
    public async Task<MediaDownload> DownloadAsync(MediaReference media, CancellationToken cancellationToken)
    {
        var info = await ResolveAsync(media.Id, cancellationToken).ConfigureAwait(false);
        var file = await graph.GetAsync(info.Url, cancellationToken).ConfigureAwait(false);
        if (file.StatusCode is 403 or 404 or 410)
        {
            info = await ResolveAsync(media.Id, cancellationToken).ConfigureAwait(false);
            file = await graph.GetAsync(info.Url, cancellationToken).ConfigureAwait(false);
        }

        if (!file.IsSuccess)
        {
            throw Failure($"Downloading media {media.Id} failed", file);
        }

        if (info.Sha256 is { } expected && !expected.AsSpan().SequenceEqual(SHA256.HashData(file.Body)))
        {
            throw new InvalidDataException($"Media {media.Id} does not match the SHA-256 Meta gave for it; the download is corrupt or tampered with.");
        }

        return new MediaDownload(new MemoryStream(file.Body, writable: false), info.MimeType ?? file.ContentType ?? "application/octet-stream", file.Body.Length);
    }

    private async Task<MediaInfo> ResolveAsync(string mediaId, CancellationToken cancellationToken)
    {
        var uri = graph.Settings.Api(mediaId);
        if (graph.Settings.PhoneNumberId is { } phoneNumberId)
        {
            // Optional, but makes Meta check the media belongs to this number (§12).
            uri = new Uri(uri + "?phone_number_id=" + Uri.EscapeDataString(phoneNumberId));
        }

        var response = await graph.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw Failure($"Resolving media {mediaId} failed", response);
        }

        var json = response.Json();
        if (!Uri.TryCreate(json?["url"]?.ToString(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            throw new HttpRequestException($"Resolving media {mediaId} gave no usable URL.");
        }

        return new MediaInfo(url, json?["mime_type"]?.ToString(), DecodeSha256(json?["sha256"]?.ToString()));
    }

    /// <summary>Null when absent or not decodable (Meta's Postman sample has "&lt;HASH&gt;"): nothing to verify against.</summary>
    private static byte[]? DecodeSha256(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length == 64 && text.All(char.IsAsciiHexDigit))
        {
            return Convert.FromHexString(text);
        }

        var buffer = new byte[32];
        return Convert.TryFromBase64String(text, buffer, out var written) && written == 32 ? buffer : null;
    }

    private static HttpRequestException Failure(string what, GraphResponse response) =>
        new($"{what}: {GraphError.Describe(response)}", null, response.StatusCode == 0 ? null : (HttpStatusCode)response.StatusCode);

    private sealed record MediaInfo(Uri Url, string? MimeType, byte[]? Sha256);
}
