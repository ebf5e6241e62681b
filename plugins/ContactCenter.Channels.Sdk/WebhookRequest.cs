using System.Text;

namespace ContactCenter.Channels.Sdk;

/// <summary>
/// An HTTP request to a channel account's webhook URL, as the host received (and stored) it. The body is
/// kept as raw bytes because signatures are computed over exactly those bytes.
/// </summary>
public sealed class WebhookRequest
{
    /// <summary>Creates a request; header names are compared case-insensitively, query names exactly.</summary>
    /// <param name="method">The HTTP method, e.g. <c>GET</c> or <c>POST</c>.</param>
    /// <param name="path">The request path, e.g. <c>/webhooks/0192…</c>.</param>
    /// <param name="query">Query parameters (repeated names joined with a comma).</param>
    /// <param name="headers">Headers (repeated names joined with a comma).</param>
    /// <param name="body">The raw body.</param>
    public WebhookRequest(
        string method,
        string path,
        IEnumerable<KeyValuePair<string, string>> query,
        IEnumerable<KeyValuePair<string, string>> headers,
        ReadOnlyMemory<byte> body)
    {
        Method = method.ToUpperInvariant();
        Path = path;
        Query = Collect(query, StringComparer.Ordinal);
        Headers = Collect(headers, StringComparer.OrdinalIgnoreCase);
        Body = body;
    }

    /// <summary>The HTTP method, upper-case.</summary>
    public string Method { get; }

    /// <summary>The request path.</summary>
    public string Path { get; }

    /// <summary>Query parameters by exact name (WhatsApp's contain dots: <c>hub.mode</c>).</summary>
    public IReadOnlyDictionary<string, string> Query { get; }

    /// <summary>Headers by case-insensitive name.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The raw body bytes.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>
    /// The full URL the provider called, when the host knows it (behind a proxy it is the configured public
    /// address). Providers such as Twilio sign it.
    /// </summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>The body decoded as UTF-8.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>A header's value, or null.</summary>
    /// <param name="name">The header name, in any case.</param>
    /// <returns>The value, or null when absent.</returns>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>A query parameter's value, or null.</summary>
    /// <param name="name">The exact parameter name.</param>
    /// <returns>The value, or null when absent.</returns>
    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) ? value : null;

    private static Dictionary<string, string> Collect(IEnumerable<KeyValuePair<string, string>> pairs, StringComparer comparer)
    {
        var result = new Dictionary<string, string>(comparer);
        foreach (var (key, value) in pairs)
        {
            result[key] = result.TryGetValue(key, out var existing) ? existing + "," + value : value;
        }

        return result;
    }
}

/// <summary>What the host answers a webhook request with (handshakes, or the plain acknowledgement).</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="Body">The response body, or null for none.</param>
/// <param name="ContentType">The body's media type.</param>
public sealed record WebhookResponse(int StatusCode, string? Body = null, string ContentType = "text/plain")
{
    /// <summary>200 with a plain-text body (e.g. the echoed challenge).</summary>
    /// <param name="body">The body to send.</param>
    /// <returns>The response.</returns>
    public static WebhookResponse Ok(string body) => new(200, body);

    /// <summary>403: a handshake with a wrong token.</summary>
    /// <returns>The response.</returns>
    public static WebhookResponse Forbidden() => new(403);
}
