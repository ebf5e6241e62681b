using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ContactCenter.Plugins.WhatsAppCloud.Graph;

/// <summary>
/// Graph's error body (reference §9): <c>{"error":{"message":"(#130429) Rate limit hit","code":130429,
/// "error_data":{"details":"…"},"error_subcode":…,"fbtrace_id":…}}</c>. Logic keys on code + details, never titles.
/// </summary>
internal sealed record GraphError(int? Code, string Message, string? Details, string? TraceId)
{
    public string Text => Details is null || Message.Contains(Details, StringComparison.Ordinal) ? Message : $"{Message}: {Details}";

    public static GraphError? From(GraphResponse response)
    {
        if (response.Json()?["error"] is not JsonObject error)
        {
            return null;
        }

        int? code = error["code"] is JsonValue value && int.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var c)
            ? c
            : null;
        var message = error["message"]?.ToString() ?? $"Graph API error {code}";
        var details = error["error_data"]?["details"]?.ToString() ?? error["error_user_msg"]?.ToString();
        return new GraphError(code, message, details, error["fbtrace_id"]?.ToString());
    }

    /// <summary>What people read when the body is no Graph error (a proxy's page, an empty 502).</summary>
    public static string Describe(GraphResponse response)
    {
        if (response.TransportError is { } transport)
        {
            return transport;
        }

        if (From(response) is { } error)
        {
            return error.Text;
        }

        var text = Encoding.UTF8.GetString(response.Body.AsSpan(0, Math.Min(response.Body.Length, 200))).Trim();
        return text.Length == 0 ? $"HTTP {response.StatusCode} without a body" : $"HTTP {response.StatusCode}: {text}";
    }
}
