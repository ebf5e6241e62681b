using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ContactCenter.Channels.Sdk;
using ContactCenter.Plugins.WhatsAppCloud.Graph;

namespace ContactCenter.Plugins.WhatsAppCloud.Sending;

/// <summary>
/// Turns an outbound media source into the <c>{"id"}</c> or <c>{"link"}</c> object Meta expects; bytes are
/// uploaded first (<c>POST /{phone-number-id}/media</c>, multipart, reference §12), ids are preferred to links
/// because Meta caches links for 10 minutes (§7).
/// </summary>
internal sealed class MediaUploader(GraphClient graph)
{
    public async Task<(JsonObject? Source, SendResult? Failure)> ResolveAsync(OutboundMediaSource source, CancellationToken cancellationToken)
    {
        switch (source)
        {
            case MediaId id:
                return (new JsonObject { ["id"] = id.Id }, null);
            case MediaLink link:
                return (new JsonObject { ["link"] = link.Url.AbsoluteUri }, null);
            case MediaUpload upload:
                var (mediaId, failure) = await UploadAsync(upload, cancellationToken).ConfigureAwait(false);
                return mediaId is null ? (null, failure) : (new JsonObject { ["id"] = mediaId }, null);
            default:
                return (null, SendResult.NotSupported($"Media from {source.GetType().Name}"));
        }
    }

    private async Task<(string? Id, SendResult? Failure)> UploadAsync(MediaUpload upload, CancellationToken cancellationToken)
    {
        Stream stream;
        try
        {
            stream = await upload.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            return (null, SendResult.Failed(SendFailureKind.Retryable, $"The file to upload could not be read: {e.Message}", "upload_source"));
        }

        await using (stream.ConfigureAwait(false))
        {
            if (!MediaTypeHeaderValue.TryParse(upload.MimeType, out var mimeType))
            {
                return (null, SendResult.Failed(SendFailureKind.Permanent, $"'{upload.MimeType}' is not a media type.", "upload_mime_type"));
            }

            using var file = new StreamContent(stream);
            file.Headers.ContentType = mimeType;
            using var form = new MultipartFormDataContent
            {
                { new StringContent("whatsapp"), "messaging_product" },
                { new StringContent(upload.MimeType), "type" },
                { file, "file", upload.FileName },
            };
            var response = await graph.PostAsync(graph.Settings.Api(graph.Settings.PhoneNumberId!, "media"), form, cancellationToken)
                .ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                return (null, FailureClassifier.ToResult(response));
            }

            return response.Json()?["id"]?.ToString() is { Length: > 0 } id
                ? (id, null)
                : (null, SendResult.Failed(SendFailureKind.Retryable, "The media upload answered without an id.", "upload_no_id"));
        }
    }
}
