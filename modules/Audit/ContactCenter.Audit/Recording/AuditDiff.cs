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
/// fingerprint and written as its mask: the value itself never reaches this class. A long list (a team of 1,000
/// agents) is kept as what left it and what joined it, not as two whole lists: those did not fit the entry, and the
/// change answered 500.
/// </summary>
internal static class AuditDiff
{
    /// <summary>The longest text kept for one side of one change (the entry holds 20,000 characters in all).</summary>
    internal const int MaxValue = 2000;

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

            var (was, isNow) = (Text(old), Text(now));
            if (old is IEnumerable before1 and not string && now is IEnumerable after1 and not string
                && (was?.Length > MaxValue || isNow?.Length > MaxValue))
            {
                (was, isNow) = ListChange(before1, after1);
            }

            changes.Add(new AuditChange(JsonNamingPolicy.CamelCase.ConvertName(field), Cut(was), Cut(isNow)));
        }

        return changes;
    }

    /// <summary>"1000 items; removed: a, b" → "999 items; added: c".</summary>
    private static (string Before, string After) ListChange(IEnumerable before, IEnumerable after)
    {
        var was = before.Cast<object?>().Select(Text).ToList();
        var isNow = after.Cast<object?>().Select(Text).ToList();
        var removed = was.Except(isNow).ToList();
        var added = isNow.Except(was).ToList();
        return (
            string.Create(CultureInfo.InvariantCulture, $"{was.Count} items; removed: {(removed.Count == 0 ? "none" : string.Join(", ", removed))}"),
            string.Create(CultureInfo.InvariantCulture, $"{isNow.Count} items; added: {(added.Count == 0 ? "none" : string.Join(", ", added))}"));
    }

    private static string? Cut(string? text) =>
        text is { Length: > MaxValue } ? string.Create(CultureInfo.InvariantCulture, $"{text[..(MaxValue - 40)]}… ({text.Length - (MaxValue - 40)} more characters)") : text;

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
