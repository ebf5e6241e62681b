using System.Text;
using System.Text.Json;

namespace ContactCenter.Channels.Conformance;

/// <summary>A request the fake server received.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, e.g. <c>/v24.0/123/messages</c>.</param>
/// <param name="Query">The query string with its <c>?</c>, or empty.</param>
/// <param name="Headers">The headers by case-insensitive name.</param>
/// <param name="Body">The raw body.</param>
public sealed record RecordedHttpRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>A header's value, or null.</summary>
    /// <param name="name">The header name.</param>
    /// <returns>The value.</returns>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The body parsed as JSON (the caller disposes it).</summary>
    /// <returns>The document.</returns>
    public JsonDocument Json() => JsonDocument.Parse(Body);
}

/// <summary>What the fake server answers.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The body bytes, or null for none.</param>
/// <param name="ContentType">The body's media type.</param>
public sealed record FakeHttpResponse(int StatusCode, byte[]? Body = null, string ContentType = "application/json")
{
    /// <summary>Extra response headers (e.g. <c>Retry-After</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Never answer: the client's timeout must fire.</summary>
    public bool Hang { get; init; }

    /// <summary>A JSON answer.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="json">The JSON text.</param>
    /// <returns>The response.</returns>
    public static FakeHttpResponse Json(int statusCode, string json) => new(statusCode, Encoding.UTF8.GetBytes(json));

    /// <summary>A binary answer.</summary>
    /// <param name="bytes">The body.</param>
    /// <param name="contentType">Its media type.</param>
    /// <returns>The response.</returns>
    public static FakeHttpResponse Bytes(byte[] bytes, string contentType) => new(200, bytes, contentType);

    /// <summary>A request that never gets an answer.</summary>
    /// <returns>The response.</returns>
    public static FakeHttpResponse Hanging() => new(200) { Hang = true };

    /// <summary>The same answer with a header added.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">Its value.</param>
    /// <returns>The response.</returns>
    public FakeHttpResponse WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers) { [name] = value } };
}
