using System.Text.Json;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.WhatsAppCloud.Parsing;

/// <summary>
/// Reads the webhook envelope (reference §4): <c>object</c> / <c>entry[]</c> (id = WABA, time) /
/// <c>changes[]</c> (field, value), and hands each change to the parser of its field.
/// </summary>
internal static class WebhookParser
{
    private const string ExpectedObject = "whatsapp_business_account";

    /// <summary>
    /// Fields an admin may subscribe to that carry nothing the contract has an event for (quality, account and
    /// phone-number notices); they are acknowledged and produce no event instead of alarming admins.
    /// </summary>
    private static readonly HashSet<string> IgnoredFields = new(StringComparer.Ordinal)
    {
        "message_template_quality_update", "message_template_components_update", "template_category_update",
        "account_alerts", "account_review_update", "account_update", "business_capability_update",
        "phone_number_name_update", "phone_number_quality_update", "security", "user_preferences",
        "smb_app_state_sync", "history", "partner_solutions", "payment_configuration_update", "automatic_events",
    };

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public static IReadOnlyList<InboundEvent> Parse(WebhookRequest request, DateTimeOffset now)
    {
        try
        {
            using var document = JsonDocument.Parse(request.Body, Options);
            var context = new ParseContext(request.Body, now);
            var problem = ReadEnvelope(document.RootElement, context);
            return problem is null ? context.Events : [Unparseable.For(request, now, problem)];
        }
        catch (JsonException e)
        {
            return [Unparseable.For(request, now, $"The body is not valid JSON: {e.Message}")];
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Parse must never throw (SDK contract); a bug here must cost one webhook, not the host's worker.
            return [Unparseable.For(request, now, $"The plugin could not read the body ({e.GetType().Name}: {e.Message}).")];
        }
    }

    /// <summary>Reads every change; returns why the body as a whole is unreadable, or null.</summary>
    private static string? ReadEnvelope(JsonElement root, ParseContext context)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return $"The body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not a webhook object.";
        }

        if (root.Str("object") is { } kind && kind != ExpectedObject)
        {
            return $"The webhook is for '{kind}', not '{ExpectedObject}'.";
        }

        if (root.Prop("entry") is not { ValueKind: JsonValueKind.Array } entries || entries.GetArrayLength() == 0)
        {
            return "The body has no entry[] array.";
        }

        var index = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            ReadEntry(entry, $"entry[{index++}]", context);
        }

        return null;
    }

    private static void ReadEntry(JsonElement entry, string path, ParseContext context)
    {
        if (entry.Prop("changes") is not { ValueKind: JsonValueKind.Array } changes)
        {
            context.Unreadable(path, "The entry has no changes[] array.");
            return;
        }

        // Only template and account webhooks carry entry.time; message parts have their own timestamps.
        var entryTime = entry.UnixTime("time");
        var index = 0;
        foreach (var change in changes.EnumerateArray())
        {
            ReadChange(change, $"{path}.changes[{index++}]", entryTime, context);
        }
    }

    private static void ReadChange(JsonElement change, string path, DateTimeOffset? entryTime, ParseContext context)
    {
        var field = change.Str("field");
        if (change.Obj("value") is not { } value)
        {
            context.Unreadable(path, $"The change (field '{field}') has no value object.");
            return;
        }

        switch (field)
        {
            case "messages":
                MessagesChangeParser.Read(value, path, entryTime, context);
                break;
            case "message_template_status_update":
                TemplateEventParser.Read(value, path, entryTime, context);
                break;
            case "smb_message_echoes" or "message_echoes":
                EchoParser.Read(value, path, context);
                break;
            case { } known when IgnoredFields.Contains(known):
                break;
            default:
                context.Unreadable(path, $"The webhook field '{field}' is not handled by this plugin version.");
                break;
        }
    }
}
