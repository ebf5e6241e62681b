using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ContactCenter.Plugins.WhatsAppCloud.Graph;

/// <summary>
/// Calls the Graph API with the account's token and never throws for HTTP or transport problems: they come
/// back as a <see cref="GraphResponse"/> so callers classify them (only cancellation by the caller throws).
/// </summary>
internal sealed class GraphClient(HttpClient http, AccountSettings settings)
{
    public AccountSettings Settings => settings;

    public Task<GraphResponse> GetAsync(Uri uri, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken);

    public Task<GraphResponse> PostJsonAsync(Uri uri, JsonNode body, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        }, cancellationToken);

    public Task<GraphResponse> PostAsync(Uri uri, HttpContent content, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, uri) { Content = content }, cancellationToken);

    /// <summary>
    /// Also used for media URLs: Meta's lookaside URLs need the same Bearer token (reference §12), and they are
    /// only ever URLs that the Graph API itself returned.
    /// </summary>
    public async Task<GraphResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
            try
            {
                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                return new GraphResponse((int)response.StatusCode, body, RetryAfter(response), null)
                {
                    ContentType = response.Content.Headers.ContentType?.MediaType,
                };
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // HttpClient.Timeout surfaces as a cancellation the caller did not ask for.
                return GraphResponse.Transport("The Graph API did not answer in time.");
            }
            catch (HttpRequestException e)
            {
                return GraphResponse.Transport($"The Graph API could not be reached: {e.Message}");
            }
            catch (IOException e)
            {
                return GraphResponse.Transport($"The connection to the Graph API broke: {e.Message}");
            }
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return retryAfter?.Date is { } date && response.Headers.Date is { } now && date > now ? date - now : null;
    }
}

/// <summary>A Graph API answer, or the transport problem that prevented one (then <see cref="StatusCode"/> is 0).</summary>
internal sealed record GraphResponse(int StatusCode, byte[] Body, TimeSpan? RetryAfter, string? TransportError)
{
    public string? ContentType { get; init; }

    public bool IsSuccess => TransportError is null && StatusCode is >= 200 and < 300;

    public static GraphResponse Transport(string error) => new(0, [], null, error);

    /// <summary>The body as JSON, or null when it is not JSON (proxies answer HTML).</summary>
    public JsonNode? Json()
    {
        try
        {
            return Body.Length == 0 ? null : JsonNode.Parse(Body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
