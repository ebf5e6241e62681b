using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactCenter.Host.Tests.Faults;

/// <summary>
/// Seeded random mutations of genuine webhook bodies, as a fuzzer makes them: one to three edits each, chosen among
/// JSON-aware ones (a value replaced by another kind, a huge or empty or odd string, an extreme number, a property
/// removed or renamed, an array element doubled — a provider's retry inside one payload —, deep nesting) and byte-level
/// ones (a flipped byte, a cut, random bytes inserted). The same seed gives the same cases, so a failure names its case.
/// </summary>
public sealed class WebhookMutator(int seed)
{
    private static readonly string[] OddStrings =
    [
        "", " ", "null", "0", "-1", "1e309", "NaN", "\u0000", "\uFFFF", "\uD83D\uDE00", "<script>alert(1)</script>",
        "'; DROP TABLE x; --", "../../etc/passwd", "%00", "9999999999999999999999", "2026-13-45T25:61:61Z",
        "+55 (11) 9 8888-7777", "wamid.", "Olá, ção ü 漢字 עברית", new string('9', 40),
    ];

    private readonly Random _random = new(seed);

    public int Seed { get; } = seed;

    /// <summary>A mutated copy of <paramref name="original"/>.</summary>
    public byte[] Mutate(byte[] original)
    {
        var body = original;
        var edits = 1 + _random.Next(3);
        for (var i = 0; i < edits; i++)
        {
            body = _random.Next(4) == 0 ? MutateBytes(body) : MutateJson(body) ?? MutateBytes(body);
        }

        return body;
    }

    private byte[] MutateBytes(byte[] body)
    {
        if (body.Length == 0)
        {
            return RandomBytes(1 + _random.Next(64));
        }

        var at = _random.Next(body.Length);
        switch (_random.Next(4))
        {
            case 0:
                var flipped = body.ToArray();
                flipped[at] ^= (byte)(1 << _random.Next(8));
                return flipped;
            case 1:
                return body[..at];
            case 2:
                return [.. body[..at], .. RandomBytes(1 + _random.Next(32)), .. body[at..]];
            default:
                return [.. body[..at], .. body[Math.Min(body.Length, at + 1 + _random.Next(64))..]];
        }
    }

    private byte[]? MutateJson(byte[] body)
    {
        try
        {
            return MutateParsedJson(body);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // JsonNode reads lazily: invalid UTF-8 inside a string or a repeated property name shows only now. A
            // byte-level edit instead.
            return null;
        }
    }

    private byte[]? MutateParsedJson(byte[] body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }

        if (root is null)
        {
            return null;
        }

        var nodes = Descendants(root).Where(n => n is not null && n != root).ToList();
        if (nodes.Count == 0)
        {
            return null;
        }

        var target = nodes[_random.Next(nodes.Count)]!;
        var parent = target.Parent!;
        switch (_random.Next(6))
        {
            case 0:
                Replace(parent, target, OtherValue());
                break;
            case 1:
                if (parent is JsonObject removeFrom)
                {
                    removeFrom.Remove(target.GetPropertyName());
                }
                else if (parent is JsonArray array)
                {
                    array.RemoveAt(target.GetElementIndex());
                }

                break;
            case 2:
                if (parent is JsonObject renameIn)
                {
                    var name = target.GetPropertyName();
                    renameIn.Remove(name);
                    renameIn[name + "_x"] = target;
                }
                else if (parent is JsonArray doubled)
                {
                    // The same element twice in one payload: a retry inside the batch must count once.
                    doubled.Add(target.DeepClone());
                }

                break;
            case 3:
                Replace(parent, target, JsonValue.Create(OddStrings[_random.Next(OddStrings.Length)]));
                break;
            case 4:
                Replace(parent, target, JsonValue.Create(new string((char)('a' + _random.Next(26)), 1 + _random.Next(20_000))));
                break;
            default:
                JsonNode deep = JsonValue.Create(1);
                for (var depth = 0; depth < 1 + _random.Next(60); depth++)
                {
                    deep = new JsonArray(deep);
                }

                Replace(parent, target, deep);
                break;
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private JsonNode? OtherValue() => _random.Next(8) switch
    {
        0 => null,
        1 => JsonValue.Create(_random.Next(2) == 0 ? long.MaxValue : long.MinValue),
        2 => JsonValue.Create(_random.NextDouble() * 1e300),
        3 => JsonValue.Create(-_random.Next()),
        4 => JsonValue.Create(_random.Next(2) == 0),
        5 => new JsonArray(),
        6 => new JsonObject(),
        _ => JsonValue.Create(0),
    };

    private static void Replace(JsonNode parent, JsonNode target, JsonNode? replacement)
    {
        switch (parent)
        {
            case JsonObject obj:
                obj[target.GetPropertyName()] = replacement;
                break;
            case JsonArray array:
                array[target.GetElementIndex()] = replacement;
                break;
        }
    }

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
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
        foreach (var child in children.ToList())
        {
            foreach (var inner in Descendants(child))
            {
                yield return inner;
            }
        }
    }
}
