using System.Text.Json;
using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Channels.Outbound;

/// <summary>Turns a stored outbox row into the SDK's message (the only place that knows both shapes).</summary>
internal sealed class PayloadMapper(IEnumerable<IOutboundFileSource> fileSources)
{
    /// <summary>
    /// Like <see cref="ToMessage"/>, but first makes sure a stored file still exists: a missing file is a permanent
    /// failure (FileNotFoundException) decided here, not a provider error the plugin would call retryable.
    /// </summary>
    public async Task<OutboundMessage> ToMessageAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        var message = ToMessage(row);
        if (message.Content is OutboundMedia { Source: MediaUpload upload })
        {
            await using var probe = await upload.OpenReadAsync(cancellationToken);
        }

        return message;
    }

    public OutboundMessage ToMessage(OutboxMessage row)
    {
        var payload = JsonSerializer.Deserialize<OutboundPayload>(row.ContentJson, Outbox.Json)
            ?? throw new JsonException("The outbox row has no content.");
        var (content, replyTo) = payload switch
        {
            SendText text => ((OutboundContent)new OutboundText(text.Body, text.PreviewUrl), text.ReplyToProviderMessageId),
            SendMedia media => (new OutboundMedia(Kind(media.Kind), Source(media), media.Caption, media.FileName), media.ReplyToProviderMessageId),
            SendTemplate template => (Template(template), null),
            SendReaction reaction => (new OutboundReaction(reaction.TargetProviderMessageId, reaction.Emoji), null),
            SendReadReceipt read => (new MarkAsRead(read.ProviderMessageId, read.ShowTypingIndicator), null),
            _ => throw new JsonException($"Unknown outbound content '{row.ContentType}'."),
        };

        return new OutboundMessage(row.HostMessageId, new Recipient(row.RecipientPhone, row.RecipientUserId), content)
        {
            ReplyToProviderMessageId = replyTo,
        };
    }

    private static OutboundTemplate Template(SendTemplate template) => new(
        template.Name,
        template.Language,
        (template.HeaderParameters ?? []).Select(Parameter).ToList(),
        (template.BodyParameters ?? []).Select(Parameter).ToList(),
        (template.ButtonParameters ?? [])
            .Select(b => new TemplateButtonParameter(b.Index, b.IsUrl ? TemplateButtonKind.Url : TemplateButtonKind.QuickReply, b.Value))
            .ToList());

    private static TemplateParameter Parameter(TemplateValue value) =>
        value is { MediaKind: { } kind, MediaLink: { } link }
            ? new MediaParameter(Kind(kind), new MediaLink(link), value.Name)
            : new TextParameter(value.Text ?? string.Empty, value.Name);

    private OutboundMediaSource Source(SendMedia media)
    {
        if (media.Link is { } link)
        {
            return new MediaLink(link);
        }

        var reference = media.FileReference ?? throw new FileNotFoundException("The media has neither a link nor a file reference.");
        var source = fileSources.FirstOrDefault()
            ?? throw new FileNotFoundException("No file store is available to send stored media.");
        return new MediaUpload(
            async ct => await source.OpenReadAsync(reference, ct) ?? throw new FileNotFoundException($"The stored file '{reference}' is gone."),
            media.MimeType ?? "application/octet-stream",
            media.FileName ?? reference);
    }

    private static MediaKind Kind(OutboundMediaKind kind) => kind switch
    {
        OutboundMediaKind.Image => MediaKind.Image,
        OutboundMediaKind.Video => MediaKind.Video,
        OutboundMediaKind.Audio => MediaKind.Audio,
        OutboundMediaKind.Sticker => MediaKind.Sticker,
        _ => MediaKind.Document,
    };
}
