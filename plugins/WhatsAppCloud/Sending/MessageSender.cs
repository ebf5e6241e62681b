using System.Text.Json.Nodes;
using ContactCenter.Channels.Sdk;
using ContactCenter.Plugins.WhatsAppCloud.Graph;
using ContactCenter.Plugins.WhatsAppCloud.Parsing;

namespace ContactCenter.Plugins.WhatsAppCloud.Sending;

/// <summary>
/// <c>POST {apiBaseUrl}/{phone-number-id}/messages</c> (reference §7). Accepted means Meta took the request
/// (messages[0].id), not that it was delivered: statuses follow by webhook, and a 131047 can still arrive
/// asynchronously as a failed status.
/// </summary>
internal sealed class MessageSender(GraphClient graph)
{
    private readonly MediaUploader _media = new(graph);

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var settings = graph.Settings;
        if (settings.PhoneNumberId is null || settings.AccessToken is null)
        {
            return SendResult.Failed(SendFailureKind.Permanent, "The channel account has no phone number ID or access token.", "configuration");
        }

        var (body, failure) = await BuildAsync(message, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return failure!;
        }

        var response = await graph.PostJsonAsync(settings.Api(settings.PhoneNumberId, "messages"), body, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            return FailureClassifier.ToResult(response);
        }

        // Mark-as-read answers {"success": true} and has no message id; Meta gives none, so none is returned.
        return SendResult.Success(response.Json()?["messages"]?[0]?["id"]?.ToString());
    }

    private async Task<(JsonObject? Body, SendResult? Failure)> BuildAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.Content is MarkAsRead read)
        {
            return (MessageBodies.MarkAsRead(read), null);
        }

        // Sending to a business-scoped user id alone is not in the reference yet (§4.3); the phone is required.
        if (Identity.PhoneDigits(message.To.Phone) is not { } to)
        {
            return (null, SendResult.Failed(SendFailureKind.BadRecipient,
                "WhatsApp needs the contact's phone number; this plugin version cannot send to a user id alone.", "no_phone"));
        }

        var replyTo = message.ReplyToProviderMessageId;
        switch (message.Content)
        {
            case OutboundText text:
                return (MessageBodies.Text(to, text, replyTo), null);
            case OutboundReaction reaction:
                return (MessageBodies.Reaction(to, reaction), null);
            case OutboundMedia media:
                var (source, failure) = await _media.ResolveAsync(media.Source, cancellationToken).ConfigureAwait(false);
                return source is null ? (null, failure) : (MessageBodies.Media(to, media, source, replyTo), null);
            case OutboundTemplate template:
                var (components, problem) = await ComponentsAsync(template, cancellationToken).ConfigureAwait(false);
                return components is null ? (null, problem) : (MessageBodies.Template(to, template, components, replyTo), null);
            default:
                return (null, SendResult.NotSupported($"Sending {message.Content.GetType().Name}"));
        }
    }

    private async Task<(JsonArray? Components, SendResult? Failure)> ComponentsAsync(OutboundTemplate template, CancellationToken cancellationToken)
    {
        var components = new JsonArray();
        foreach (var (type, parameters) in new[] { ("header", template.HeaderParameters), ("body", template.BodyParameters) })
        {
            if (parameters.Count == 0)
            {
                continue;
            }

            var array = new JsonArray();
            foreach (var parameter in parameters)
            {
                switch (parameter)
                {
                    case TextParameter text:
                        array.Add(MessageBodies.TextParameter(text.Text, text.Name));
                        break;
                    case MediaParameter media:
                        var (source, failure) = await _media.ResolveAsync(media.Source, cancellationToken).ConfigureAwait(false);
                        if (source is null)
                        {
                            return (null, failure);
                        }

                        array.Add(MessageBodies.MediaParameter(media.Kind, source, media.Name));
                        break;
                    default:
                        return (null, SendResult.NotSupported($"The template parameter {parameter.GetType().Name}"));
                }
            }

            components.Add(new JsonObject { ["type"] = type, ["parameters"] = array });
        }

        foreach (var button in template.ButtonParameters.OrderBy(b => b.Index))
        {
            components.Add(MessageBodies.Button(button));
        }

        return (components, null);
    }
}
