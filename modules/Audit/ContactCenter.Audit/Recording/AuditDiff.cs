using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using ContactCenter.Kernel.Audit;

namespace ContactCenter.Audit.Recording;

/// <summary>One changed field, as stored and shown.</summary>
internal sealed record AuditChange(string Field, string? Before, string? After);

/// <summary>
/// Compares two snapshots property by property and keeps what changed, as text. A secret is compared by its
/// fingerprint and written as its mask: the value itself never reaches this class.
/// </summary>
internal static class AuditDiff
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<AuditChange> Between(object? before, object? after)
    {
        var fields = Fields(before).Concat(Fields(after)).Distinct(StringComparer.Ordinal);
        var changes = new List<AuditChange>();
        foreach (var field in fields)
        {
            var old = Value(before, field);
            var now = Value(after, field);
            if (old is AuditSecret || now is AuditSecret ? Equals(old, now) : Text(old) == Text(now))
            {
                continue;
            }

            changes.Add(new AuditChange(JsonNamingPolicy.CamelCase.ConvertName(field), Text(old), Text(now)));
        }

        return changes;
    }

    public static string ToJson(IReadOnlyList<AuditChange> changes) => JsonSerializer.Serialize(changes, Json);

    public static IReadOnlyList<AuditChange> FromJson(string json) =>
        JsonSerializer.Deserialize<List<AuditChange>>(json, Json) ?? [];

    /// <summary>A snapshot's fields: a dictionary's keys (settings whose names only the plugin knows) or an object's properties.</summary>
    private static IEnumerable<string> Fields(object? snapshot) => snapshot switch
    {
        null => [],
        IReadOnlyDictionary<string, object?> fields => fields.Keys,
        _ => snapshot.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => p.Name),
    };

    private static object? Value(object? snapshot, string field) => snapshot switch
    {
        null => null,
        IReadOnlyDictionary<string, object?> fields => fields.GetValueOrDefault(field),
        _ => snapshot.GetType().GetProperty(field)?.GetValue(snapshot),
    };

    private static string? Text(object? value) => value switch
    {
        null => null,
        AuditSecret secret => secret.IsSet ? AuditSecret.Mask : null,
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTime instant => instant.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString("O", CultureInfo.InvariantCulture),
        Enum choice => JsonNamingPolicy.CamelCase.ConvertName(choice.ToString()),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Text)),
        _ => value.ToString(),
    };
}
