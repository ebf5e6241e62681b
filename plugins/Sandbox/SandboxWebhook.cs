using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactCenter.Plugins.Sandbox;

/// <summary>
/// The sandbox's own webhook body, posted by the sandbox phone page (it plays the customer's phone):
/// <c>{ "messages": [...], "statuses": [...] }</c>. Files (pictures, videos, audio, documents) travel inline as base64, so the plugin needs no
/// provider to fetch them from.
/// </summary>
internal sealed record SandboxWebhook(
    [property: JsonPropertyName("messages")] IReadOnlyList<SandboxMessage?>? Messages,
    [property: JsonPropertyName("statuses")] IReadOnlyList<SandboxStatus?>? Statuses)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

internal sealed record SandboxMessage(
    string? Id,
    string? From,
    string? Name,
    long? Timestamp,
    string? Type,
    string? Text,
    string? MimeType,
    string? Caption,
    string? FileName,
    string? Data);

/// <summary>What the phone did with a reply: <c>delivered</c> when it showed it, <c>read</c> when the person opened it.</summary>
internal sealed record SandboxStatus(string? Id, string? Status, long? Timestamp);
