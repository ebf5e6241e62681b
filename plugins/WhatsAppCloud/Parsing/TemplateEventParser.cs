using System.Text.Json;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.WhatsAppCloud.Parsing;

/// <summary>
/// <c>message_template_status_update</c> (reference §6). The change itself has no timestamp; <c>entry.time</c>
/// dates it, and template id + event + time is the key (the same template can be paused twice).
/// </summary>
internal static class TemplateEventParser
{
    public static void Read(JsonElement value, string path, DateTimeOffset? entryTime, ParseContext context)
    {
        var templateId = value.NonEmpty("message_template_id");
        var eventName = value.NonEmpty("event");
        if (templateId is null || eventName is null)
        {
            context.Unreadable(path, "The template status update has no message_template_id or event.");
            return;
        }

        var key = entryTime is { } time
            ? $"template:{templateId}:{eventName}:{time.ToUnixTimeSeconds()}"
            : $"template:{templateId}:{eventName}:{context.BodyKey(path)}";
        context.Add(new TemplateStatusChanged(key, entryTime ?? context.Now, templateId, value.NonEmpty("message_template_name"),
            value.NonEmpty("message_template_language"), Map(eventName), Reason(value)));
    }

    public static TemplateStatus Map(string? status) => status?.ToUpperInvariant() switch
    {
        "APPROVED" or "REINSTATED" => TemplateStatus.Approved,
        "PENDING" or "IN_APPEAL" or "IN_REVIEW" => TemplateStatus.Pending,
        "REJECTED" => TemplateStatus.Rejected,
        "PAUSED" => TemplateStatus.Paused,
        "DISABLED" => TemplateStatus.Disabled,
        "DELETED" or "PENDING_DELETION" => TemplateStatus.Deleted,
        _ => TemplateStatus.Other,
    };

    /// <summary><c>reason</c> is "NONE" for approvals; the richer texts live in rejection_info / other_info / disable_info.</summary>
    private static string? Reason(JsonElement value)
    {
        var parts = new[]
        {
            value.NonEmpty("reason") is { } reason && reason != "NONE" ? reason : null,
            value.Obj("rejection_info")?.NonEmpty("reason"),
            value.Obj("rejection_info")?.NonEmpty("recommendation"),
            value.Obj("other_info")?.NonEmpty("title"),
            value.Obj("other_info")?.NonEmpty("description"),
            value.Obj("disable_info")?.NonEmpty("disable_date") is { } date ? $"disabled on {date}" : null,
        }.OfType<string>().Distinct().ToList();
        return parts.Count > 0 ? string.Join("; ", parts) : null;
    }
}
