using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Channels.Conformance;

/// <summary>Deterministic broken variants of recorded requests: truncated, empty, random bytes, wrong JSON shapes.</summary>
public static class Fuzz
{
    private static readonly string[] WrongShapes = ["{}", "[]", "null", "42", "\"text\"", "{\"entry\":42}", "[{\"a\":1}]"];

    /// <summary>Bodies that are not a readable webhook at all (the plugin must say so with an Unparseable).</summary>
    /// <param name="original">A recorded request.</param>
    /// <returns>Named variants.</returns>
    public static IEnumerable<(string Name, WebhookRequest Request)> Garbage(WebhookRequest original)
    {
        yield return ("empty", With(original, []));
        var random = new Random(original.Body.Length);
        var bytes = new byte[Math.Max(16, original.Body.Length / 2)];
        random.NextBytes(bytes);
        yield return ("random bytes", With(original, bytes));
    }

    /// <summary>Variants that must not crash the parser; what they yield is up to the plugin.</summary>
    /// <param name="original">A recorded request.</param>
    /// <param name="maxMutations">How many single-value replacements to try.</param>
    /// <returns>Named variants.</returns>
    public static IEnumerable<(string Name, WebhookRequest Request)> Variants(WebhookRequest original, int maxMutations = 40)
    {
        var body = original.Body.ToArray();
        yield return ("truncated to half", With(original, body[..(body.Length / 2)]));
        yield return ("truncated by one byte", With(original, body[..Math.Max(0, body.Length - 1)]));
        foreach (var shape in WrongShapes)
        {
            yield return ($"shape {shape}", With(original, Encoding.UTF8.GetBytes(shape)));
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            yield break;
        }

        // Replaces one value at a time by a value of another kind: objects where arrays belong, null, numbers.
        var paths = Paths(root, "$").Take(maxMutations).ToList();
        foreach (var path in paths)
        {
            foreach (var replacement in new JsonNode?[] { null, JsonValue.Create(7), new JsonArray(), new JsonObject() })
            {
                var copy = JsonNode.Parse(body)!;
                if (Replace(copy, path, replacement?.DeepClone()))
                {
                    yield return ($"{path} := {replacement?.ToJsonString() ?? "null"}", With(original, Encoding.UTF8.GetBytes(copy.ToJsonString())));
                }
            }
        }
    }

    private static WebhookRequest With(WebhookRequest original, byte[] body) =>
        new(original.Method, original.Path, original.Query, original.Headers, body) { PublicUrl = original.PublicUrl };

    private static IEnumerable<string> Paths(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    yield return $"{path}.{key}";
                    foreach (var inner in Paths(child, $"{path}.{key}"))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return $"{path}[{i}]";
                    foreach (var inner in Paths(array[i], $"{path}[{i}]"))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private static bool Replace(JsonNode root, string path, JsonNode? replacement)
    {
        var target = root.Root;
        foreach (var node in Descendants(root))
        {
            if (node?.GetPath() == path)
            {
                target = node;
                break;
            }
        }

        if (target == root || target.Parent is null)
        {
            return false;
        }

        switch (target.Parent)
        {
            case JsonObject parent:
                parent[target.GetPropertyName()] = replacement;
                return true;
            case JsonArray parent:
                parent[target.GetElementIndex()] = replacement;
                return true;
            default:
                return false;
        }
    }

    private static IEnumerable<JsonNode?> Descendants(JsonNode? node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var inner in Descendants(child))
            {
                yield return inner;
            }
        }
    }
}
