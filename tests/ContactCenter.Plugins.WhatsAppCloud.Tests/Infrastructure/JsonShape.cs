using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactCenter.Plugins.WhatsAppCloud.Tests.Infrastructure;

/// <summary>
/// Compares a request body with a published example by shape: the same keys with the same kinds of values,
/// arrays of the same length (Meta's Postman examples carry placeholders, so values cannot be compared).
/// </summary>
public static class JsonShape
{
    public static void AssertSame(JsonNode? expected, JsonNode? actual, params string[] allowedExtraKeys)
    {
        var problems = new List<string>();
        Compare(expected, actual, "$", allowedExtraKeys.ToHashSet(StringComparer.Ordinal), problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems) + $"\nexpected: {expected?.ToJsonString()}\nactual:   {actual?.ToJsonString()}");
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, HashSet<string> allowedExtra, List<string> problems)
    {
        var (expectedKind, actualKind) = (expected?.GetValueKind() ?? JsonValueKind.Null, actual?.GetValueKind() ?? JsonValueKind.Null);
        if (Kind(expectedKind) != Kind(actualKind))
        {
            problems.Add($"{path}: expected {expectedKind}, got {actualKind}");
            return;
        }

        switch (expected)
        {
            case JsonObject expectedObject:
                var actualObject = actual!.AsObject();
                foreach (var (key, value) in expectedObject)
                {
                    if (!actualObject.ContainsKey(key))
                    {
                        problems.Add($"{path}.{key}: missing");
                        continue;
                    }

                    Compare(value, actualObject[key], $"{path}.{key}", allowedExtra, problems);
                }

                problems.AddRange(actualObject.Select(p => p.Key).Where(k => !expectedObject.ContainsKey(k) && !allowedExtra.Contains(k)).Select(k => $"{path}.{k}: unexpected"));
                break;
            case JsonArray expectedArray:
                var actualArray = actual!.AsArray();
                if (expectedArray.Count != actualArray.Count)
                {
                    problems.Add($"{path}: expected {expectedArray.Count} items, got {actualArray.Count}");
                }

                for (var i = 0; i < Math.Min(expectedArray.Count, actualArray.Count); i++)
                {
                    Compare(expectedArray[i], actualArray[i], $"{path}[{i}]", allowedExtra, problems);
                }

                break;
        }
    }

    private static JsonValueKind Kind(JsonValueKind kind) => kind == JsonValueKind.False ? JsonValueKind.True : kind;
}
