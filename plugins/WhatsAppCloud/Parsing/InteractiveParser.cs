using System.Text.Json;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.WhatsAppCloud.Parsing;

/// <summary>
/// Answers to interactive messages (reply buttons, list rows, flows) and template quick-reply buttons
/// (reference §4.2). The ids are the business's own and drive chatbots.
/// </summary>
internal static class InteractiveParser
{
    public static InteractiveReplyContent? Interactive(JsonElement message)
    {
        if (message.Obj("interactive") is not { } interactive)
        {
            return null;
        }

        return interactive.NonEmpty("type") switch
        {
            "button_reply" => interactive.Obj("button_reply") is { } reply && reply.NonEmpty("id") is { } id
                ? new InteractiveReplyContent(InteractiveReplyKind.Button, id, reply.Str("title") ?? string.Empty)
                : null,
            "list_reply" => interactive.Obj("list_reply") is { } row && row.NonEmpty("id") is { } rowId
                ? new InteractiveReplyContent(InteractiveReplyKind.ListRow, rowId, row.Str("title") ?? string.Empty, row.NonEmpty("description"))
                : null,
            "nfm_reply" => interactive.Obj("nfm_reply") is { } flow ? Flow(flow) : null,
            _ => null,
        };
    }

    public static ButtonContent? Button(JsonElement message) =>
        message.Obj("button") is { } button && (button.Str("text") ?? button.Str("payload")) is { } text
            ? new ButtonContent(text, button.Str("payload"))
            : null;

    /// <summary>
    /// A submitted WhatsApp Flow: <c>response_json</c> is a JSON *string*; its <c>flow_token</c> is the id the
    /// business gave the flow when sending it, so it is the trigger key when present.
    /// </summary>
    private static InteractiveReplyContent Flow(JsonElement flow)
    {
        var responseJson = flow.Str("response_json");
        string? token = null;
        if (responseJson is not null)
        {
            try
            {
                using var response = JsonDocument.Parse(responseJson);
                token = response.RootElement.NonEmpty("flow_token");
            }
            catch (JsonException)
            {
                // Kept as text: the agent can still read it.
            }
        }

        return new InteractiveReplyContent(InteractiveReplyKind.Flow, token ?? flow.NonEmpty("name") ?? "flow",
            flow.Str("body") ?? string.Empty, ResponseJson: responseJson);
    }
}
