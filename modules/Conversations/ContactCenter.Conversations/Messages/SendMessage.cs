using System.Globalization;
using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Conversations.Listing;
using ContactCenter.Conversations.Media;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace ContactCenter.Conversations.Messages;

/// <summary>
/// An agent's reply: the message and its outbox row commit in one transaction (the sender delivers it later,
/// exactly once), and only inside the 24-hour service window — after it only a template may be sent.
/// </summary>
internal static class SendMessage
{
    public const string FileNameHeader = "X-File-Name";
    public const string CaptionHeader = "X-Caption";

    /// <summary>Prefix an agent's text messages with their name, "*Maria:* texto" (seed 002); on unless set to false.</summary>
    public const string AgentNamePrefixSetting = "ContactCenter:AgentNamePrefix";

    /// <summary>Text, or media given by a public link or uploaded inline as base64 (with an optional caption).</summary>
    internal sealed record Request(string? Text, MediaRequest? Media = null, string? ReplyToProviderMessageId = null);

    internal sealed record MediaRequest(string? Kind, string? Url, string? DataBase64, string? MimeType, string? FileName, string? Caption);

    /// <summary>
    /// A file streamed in (the composer's upload, the raw body of …/messages/media): copied to the media store as
    /// it arrives, never held whole in memory. <see cref="Length"/> is what the sender declared, checked again while copying.
    /// </summary>
    internal sealed record Upload(Stream Content, string? MimeType, string? FileName, string? Caption, long? Length, string? Kind = null);

    internal sealed class Handler(
        ContactCenterDbContext db, ConversationVisibility visibility, IOutbox outbox, MediaStore store, IDomainEvents events, ICurrentUser caller, TimeProvider clock, IConfiguration configuration)
    {
        public Task<Result<MessageDto>> HandleAsync(Guid conversationId, Request request, CancellationToken cancellationToken) =>
            SendAsync(conversationId, request, null, cancellationToken);

        /// <summary>Sends a streamed file, with the same rules as an inline one.</summary>
        public Task<Result<MessageDto>> UploadAsync(Guid conversationId, Upload upload, CancellationToken cancellationToken) =>
            SendAsync(conversationId, new Request(null, new MediaRequest(upload.Kind, null, null, upload.MimeType, upload.FileName, upload.Caption)), upload, cancellationToken);

        private async Task<Result<MessageDto>> SendAsync(Guid conversationId, Request request, Upload? upload, CancellationToken cancellationToken)
        {
            var conversation = await (await visibility.ApplyAsync(db.Set<Conversation>(), cancellationToken))
                .FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
            if (conversation is null)
            {
                return Error.NotFound("The conversation");
            }

            // The team sees its pool, but only the agent who claimed a conversation (or a supervisor) answers in it.
            if (!ReplyRule.MayAct(conversation, caller))
            {
                return ReplyRule.Refusal("reply in it");
            }

            var validated = SendMessageValidation.Validate(request, upload);
            if (!validated.IsSuccess)
            {
                return validated.Error;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (conversation.WindowClosesAt is not { } closesAt || closesAt <= now)
            {
                return Error.Conflict(OutboundReasons.WindowClosed, conversation.WindowClosesAt is { } at
                    ? $"The 24-hour window closed at {at:yyyy-MM-dd HH:mm} UTC: only an approved template can be sent until the contact writes again."
                    : "The contact has not written yet, so there is no 24-hour window: only an approved template can start the conversation.");
            }

            var media = validated.Value;
            var message = new Message
            {
                ConversationId = conversation.Id,
                ChannelAccountId = conversation.ChannelAccountId,
                Direction = MessageDirection.Outbound,
                Type = media is null ? "text" : media.Kind.ToString().ToLowerInvariant(),
                Text = media is null ? request.Text!.Trim() : Caption(request.Media!),
                Status = "pending",
                CreatedAt = now,
                AuthorAgentId = caller.IsApiKey ? null : caller.UserId,
                ReplyToProviderMessageId = request.ReplyToProviderMessageId,
            };
            OutboundPayload payload;
            if (media is null)
            {
                payload = new SendText(Signed(message.Text!), ReplyToProviderMessageId: request.ReplyToProviderMessageId);
            }
            else
            {
                var stored = await MediaPayloadAsync(message, request.Media!, media, upload, now, cancellationToken);
                if (!stored.IsSuccess)
                {
                    return stored.Error;
                }

                payload = stored.Value;
            }

            db.Add(message);
            outbox.Enqueue(new OutboundRequest(message.Id, conversation.ChannelAccountId, new OutboundRecipient(conversation.ContactPhone), payload));
            conversation.LastMessageAt = now;
            conversation.Status = ConversationStatus.AwaitingContact;
            if (!caller.IsApiKey && caller.UserId is { } agentId)
            {
                events.Raise(new AgentReplied(conversation.Id, agentId, now));
            }

            await db.SaveChangesAsync(cancellationToken);
            return (await MessageViews.ToDtosAsync(db, [message], cancellationToken))[0];
        }

        /// <summary>
        /// The contact reads who is writing, in WhatsApp's bold ("*Maria:* texto"); the thread keeps the text as typed (the
        /// author is shown there). Text only: media go without it (seed 002), and an API key is nobody's name.
        /// </summary>
        private string Signed(string text) =>
            !caller.IsApiKey && caller.DisplayName is { Length: > 0 } name && !string.Equals(configuration[AgentNamePrefixSetting], "false", StringComparison.OrdinalIgnoreCase)
                ? $"*{name}:* {text}"
                : text;

        private static string? Caption(MediaRequest media) => string.IsNullOrWhiteSpace(media.Caption) ? null : media.Caption.Trim();

        private async Task<Result<OutboundPayload>> MediaPayloadAsync(
            Message message, MediaRequest media, SendMessageValidation.CheckedMedia checkedMedia, Upload? upload, DateTime now, CancellationToken cancellationToken)
        {
            var (kind, mimeType, bytes) = checkedMedia;
            var caption = Caption(media);
            if (bytes is null && upload is null)
            {
                return new SendMedia(kind, Link: new Uri(media.Url!), MimeType: mimeType, Caption: caption, FileName: media.FileName);
            }

            // Kept like a received file, so agents see what was sent and the sender can upload it later.
            var file = new MediaFile
            {
                MessageId = message.Id,
                ChannelAccountId = message.ChannelAccountId,
                ProviderMediaId = "outbound",
                MimeType = mimeType,
                Caption = caption,
                FileName = media.FileName,
                CreatedAt = now,
            };
            if (bytes is not null)
            {
                store.Save(file, bytes);
            }
            else
            {
                // The declared length may be missing or wrong: the limit holds while copying too.
                var max = MediaRules.MaxBytesOf(kind);
                var read = await store.SaveAsync(file, upload!.Content, max, cancellationToken);
                if (read == 0)
                {
                    return Error.Validation("media", "The file is empty.");
                }

                if (read > max)
                {
                    return SendMessageValidation.Refused(new MediaRefusal(MediaRules.TooLarge, kind, max, mimeType));
                }
            }

            // Should the commit fail after this, the file stays unreferenced in the store: harmless, and rare.
            db.Add(file);
            return new SendMedia(kind, FileReference: file.Id.ToString(), MimeType: mimeType, Caption: caption, FileName: media.FileName ?? "file");
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/conversations/{id:guid}/messages", async Task<Results<Accepted<MessageDto>, ProblemHttpResult>> (Guid id, Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, request, ct)).ToHttp(m => TypedResults.Accepted($"/api/v1/conversations/{id}/messages", m)))
        .WithName("SendMessage")
        .WithSummary("Reply in a conversation (text or media)")
        .WithDescription("202: stored and queued; the status moves pending → sent → delivered → read, or failed with the reason. " +
            "409 window_closed outside the 24-hour window (nothing is queued); 404 when the caller may not see the conversation; " +
            "403 not_your_conversation unless the caller is its agent or a supervisor of its team (a pool conversation is claimed first).")
        .WithTags("Messages")
        .RequireAuthorization(Policies.Agent);

    /// <summary>
    /// A file as the raw request body, streamed to the media store: how the composer sends (no base64, no 100 MB through
    /// the UI's connection) and how an integrator sends a document larger than an inline one may be. The required
    /// X-File-Name header also keeps a cross-site form from posting here with an agent's cookie (it cannot set headers).
    /// </summary>
    public static void MapUpload(IEndpointRouteBuilder api) => api
        .MapPost("/conversations/{id:guid}/messages/media", async Task<Results<Accepted<MessageDto>, ProblemHttpResult>> (
            Guid id, HttpRequest http, Handler handler, string? kind, CancellationToken ct) =>
        {
            var upload = new Upload(http.Body, http.ContentType, Header(http, FileNameHeader), Header(http, CaptionHeader), http.ContentLength, kind);
            return (await handler.UploadAsync(id, upload, ct)).ToHttp(m => TypedResults.Accepted($"/api/v1/conversations/{id}/messages", m));
        })
        .WithMetadata(new UploadSizeLimit())
        .WithName("UploadMessageMedia")
        .WithSummary("Reply with a file sent as the raw request body")
        .WithDescription("Body: the file's bytes, Content-Type: its type; headers X-File-Name (required) and X-Caption (optional), both percent-encoded; " +
            "?kind= image|video|audio|document|sticker, else taken from the type. WhatsApp's limits: image JPEG/PNG 5 MB, video MP4/3GP 16 MB, " +
            "audio AAC/AMR/MP3/M4A/OGG 16 MB, documents (PDF, Word, Excel, PowerPoint, TXT) 100 MB, sticker WebP 500 KB. " +
            "202 as for a text reply; 413 media_too_large; 415 media_type_not_supported; 409 window_closed; 404 when the caller may not see the conversation.")
        .WithTags("Messages")
        .RequireAuthorization(Policies.Agent);

    private static string? Header(HttpRequest http, string name) =>
        http.Headers[name].ToString() is { Length: > 0 } value ? Uri.UnescapeDataString(value) : null;

    /// <summary>The largest WhatsApp file and a little more, so a body without a length is refused by the copy (413 media_too_large), not by the server.</summary>
    private sealed class UploadSizeLimit : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => MediaRules.MaxBytes + MediaRules.MegaByte;
    }
}
