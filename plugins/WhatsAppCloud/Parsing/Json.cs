using System.Globalization;
using System.Text.Json;

namespace ContactCenter.Plugins.WhatsAppCloud.Parsing;

/// <summary>
/// Lenient reads of Meta's JSON: every field may be missing, null or of an unexpected kind (published samples
/// carry placeholders such as <c>"&lt;TIMESTAMP&gt;"</c>), and none of that may throw.
/// </summary>
internal static class Json
{
    public static JsonElement? Prop(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : null;

    public static JsonElement? Obj(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    public static IEnumerable<JsonElement> Arr(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray() : [];

    /// <summary>Strings as they are; numbers and booleans as their JSON text (Meta sends ids both ways).</summary>
    public static string? Str(this JsonElement element, string name) => element.Prop(name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } value => value.GetRawText(),
        _ => null,
    };

    public static string? NonEmpty(this JsonElement element, string name) =>
        element.Str(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public static bool Bool(this JsonElement element, string name) => element.Prop(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.String } value => bool.TryParse(value.GetString(), out var b) && b,
        _ => false,
    };

    public static double? Double(this JsonElement element, string name) => element.Prop(name) switch
    {
        { ValueKind: JsonValueKind.Number } value when value.TryGetDouble(out var d) => d,
        { ValueKind: JsonValueKind.String } value
            when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public static decimal? Decimal(this JsonElement element, string name) =>
        element.Str(name) is { } text && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;

    public static int? Int(this JsonElement element, string name) =>
        element.Str(name) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;

    /// <summary>Meta's timestamps are Unix seconds, usually as a string (§4.1), sometimes as a number (entry.time).</summary>
    public static DateTimeOffset? UnixTime(this JsonElement element, string name) =>
        element.Str(name) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            && seconds is > 0 and < 253402300800
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
