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
    public const int MaxMediaBytes = 16 * 1024 * 1024;

    /// <summary>Prefix an agent's text messages with their name, "*Maria:* texto" (seed 002); on unless set to false.</summary>
    public const string AgentNamePrefixSetting = "ContactCenter:AgentNamePrefix";

    /// <summary>Text, or media given by a public link or uploaded inline as base64 (with an optional caption).</summary>
    internal sealed record Request(string? Text, MediaRequest? Media = null, string? ReplyToProviderMessageId = null);

    internal sealed record MediaRequest(string? Kind, string? Url, string? DataBase64, string? MimeType, string? FileName, string? Caption);

    internal sealed class Handler(
        ContactCenterDbContext db, ConversationVisibility visibility, IOutbox outbox, MediaStore store, IEventBus events, ICurrentUser caller, TimeProvider clock, IConfiguration configuration)
    {
        public async Task<Result<MessageDto>> HandleAsync(Guid conversationId, Request request, CancellationToken cancellationToken)
        {
            var conversation = await (await visibility.ApplyAsync(db.Set<Conversation>(), cancellationToken))
                .FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
            if (conversation is null)
            {
                return Error.NotFound("The conversation");
            }

            var validated = Validate(request);
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

            var (kind, mediaBytes) = validated.Value;
            var message = new Message
            {
                ConversationId = conversation.Id,
                ChannelAccountId = conversation.ChannelAccountId,
                Direction = MessageDirection.Outbound,
                Type = request.Media is null ? "text" : kind,
                Text = request.Media is null ? request.Text!.Trim() : request.Media.Caption,
                Status = "pending",
                CreatedAt = now,
                AuthorAgentId = caller.IsApiKey ? null : caller.UserId,
                ReplyToProviderMessageId = request.ReplyToProviderMessageId,
            };
            db.Add(message);
            var payload = request.Media is null
                ? (OutboundPayload)new SendText(Signed(message.Text!), ReplyToProviderMessageId: request.ReplyToProviderMessageId)
                : MediaPayload(message, request.Media, kind, mediaBytes, now);
            outbox.Enqueue(new OutboundRequest(message.Id, conversation.ChannelAccountId, new OutboundRecipient(conversation.ContactPhone), payload));
            conversation.LastMessageAt = now;
            conversation.Status = ConversationStatus.AwaitingContact;
            if (!caller.IsApiKey && caller.UserId is { } agentId)
            {
                await events.PublishAsync(new AgentReplied(conversation.Id, agentId, now), cancellationToken);
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

        private static Result<(string Kind, byte[]? Bytes)> Validate(Request request)
        {
            var validator = new Validator();
            if (request.Media is null)
            {
                validator.Require("text", request.Text, "Write the message, or attach media.");
                validator.Check((request.Text?.Length ?? 0) <= 4096, "text", "A WhatsApp text has at most 4096 characters.");
                return validator.IsValid ? ("text", null) : validator.ToError();
            }

            var media = request.Media;
            var kind = (media.Kind ?? "image").ToLowerInvariant();
            validator.Check(kind is "image" or "video" or "audio" or "document" or "sticker", "media.kind", "The kind must be image, video, audio, document or sticker.");
            validator.Check((media.Url is null) != (media.DataBase64 is null), "media", "Give either a url or dataBase64.");
            validator.Check(media.Url is null || Uri.TryCreate(media.Url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps, "media.url", "The link must be an https URL.");
            byte[]? bytes = null;
            if (media.DataBase64 is not null)
            {
                validator.Require("media.mimeType", media.MimeType, "Say what type the file is (e.g. image/jpeg).");
                try
                {
                    bytes = Convert.FromBase64String(media.DataBase64);
                    validator.Check(bytes.Length is > 0 and <= MaxMediaBytes, "media.dataBase64", $"The file must have between 1 byte and {MaxMediaBytes / 1024 / 1024} MB.");
                }
                catch (FormatException)
                {
                    validator.Add("media.dataBase64", "This is not base64.");
                }
            }

            return validator.IsValid ? (kind, bytes) : validator.ToError();
        }

        private OutboundPayload MediaPayload(Message message, MediaRequest media, string kind, byte[]? bytes, DateTime now)
        {
            var mediaKind = Enum.Parse<OutboundMediaKind>(kind, ignoreCase: true);
            if (bytes is null)
            {
                return new SendMedia(mediaKind, Link: new Uri(media.Url!), MimeType: media.MimeType, Caption: media.Caption, FileName: media.FileName);
            }

            // Kept like a received file, so agents see what was sent and the sender can upload it later.
            var file = new MediaFile
            {
                MessageId = message.Id,
                ChannelAccountId = message.ChannelAccountId,
                ProviderMediaId = "outbound",
                MimeType = media.MimeType,
                Caption = media.Caption,
                FileName = media.FileName,
                CreatedAt = now,
            };
            store.Save(file, bytes);
            db.Add(file);
            return new SendMedia(mediaKind, FileReference: file.Id.ToString(), MimeType: media.MimeType, Caption: media.Caption, FileName: media.FileName ?? "file");
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/conversations/{id:guid}/messages", async Task<Results<Accepted<MessageDto>, ProblemHttpResult>> (Guid id, Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, request, ct)).ToHttp(m => TypedResults.Accepted($"/api/v1/conversations/{id}/messages", m)))
        .WithName("SendMessage")
        .WithSummary("Reply in a conversation (text or media)")
        .WithDescription("202: stored and queued; the status moves pending → sent → delivered → read, or failed with the reason. " +
            "409 window_closed outside the 24-hour window (nothing is queued); 404 when the caller may not see the conversation.")
        .WithTags("Messages")
        .RequireAuthorization(Policies.Agent);
}
