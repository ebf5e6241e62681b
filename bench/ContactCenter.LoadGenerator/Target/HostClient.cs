using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.LoadGenerator.Load;

namespace ContactCenter.LoadGenerator.Target;

/// <summary>
/// The host's HTTP surface the benchmark uses. Webhooks go through their own connection pool (one connection
/// per load worker) so the API calls that watch for messages never steal a load connection.
/// </summary>
internal sealed partial class HostClient : IDisposable
{
    private readonly HttpClient _webhooks;
    private readonly HttpClient _api;
    private readonly TimeSpan _requestTimeout;

    public HostClient(Uri baseAddress, string apiKey, int connections, TimeSpan requestTimeout)
    {
        _requestTimeout = requestTimeout;
        _webhooks = Create(baseAddress, connections);
        _api = Create(baseAddress, 16);
        _api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Creates the whatsapp-cloud account the webhooks are signed for; returns its id.</summary>
    public async Task<Guid> CreateChannelAccountAsync(string name, string phoneNumberId, string wabaId, string appSecret, Uri? apiBaseUrl, CancellationToken ct)
    {
        var settings = new Dictionary<string, string>
        {
            ["phoneNumberId"] = phoneNumberId,
            ["wabaId"] = wabaId,
            ["accessToken"] = "bench-not-a-real-token",
            ["appSecret"] = appSecret,
            ["verifyToken"] = "bench-verify",
        };
        if (apiBaseUrl is not null)
        {
            // Replies go to the tool's fake Graph API on loopback, never to Meta.
            settings["apiBaseUrl"] = apiBaseUrl.ToString();
        }

        var request = new { pluginId = "whatsapp-cloud", name, settings };
        HttpResponseMessage answered;
        try
        {
            answered = await Timed(t => _api.PostAsJsonAsync("/api/v1/channel-accounts", request, t), ct);
        }
        catch (TimeoutException)
        {
            // A host too busy to create an account cannot be measured: say so instead of crashing the tool.
            throw new TargetException($"POST /api/v1/channel-accounts did not answer within {_requestTimeout.TotalSeconds:0} s (--request-timeout).");
        }

        using var response = answered;
        var text = await response.Content.ReadAsStringAsync(ct);
        return response.StatusCode switch
        {
            HttpStatusCode.Created or HttpStatusCode.OK => JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid(),
            HttpStatusCode.NotFound => throw new TargetException("This host has no channel-accounts API (POST /api/v1/channel-accounts answered 404)."),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => throw new TargetException(
                $"The host refused the API key ({(int)response.StatusCode}); pass an admin key with --api-key."),
            _ => throw new TargetException($"Creating the channel account failed: {(int)response.StatusCode} {text}"),
        };
    }

    public async Task<Outcome> PostWebhookAsync(Guid accountId, byte[] body, string signature, CancellationToken ct)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/{accountId}") { Content = content };
        request.Headers.TryAddWithoutValidation(WebhookPayloads.SignatureHeader, signature);
        try
        {
            using var response = await Timed(t => _webhooks.SendAsync(request, t), ct);
            var status = (int)response.StatusCode;
            return status switch
            {
                >= 200 and < 300 => new Outcome(OutcomeKind.Accepted, status),
                // 405: the path is only known to a GET route (the web UI's fallback), not to a webhook endpoint.
                404 or 405 => throw new TargetException(
                    $"This host has no webhook endpoint: POST /webhooks/{accountId} answered {status} for a channel account that exists."),
                _ => new Outcome(OutcomeKind.Refused, status),
            };
        }
        catch (TimeoutException)
        {
            return new Outcome(OutcomeKind.TimedOut);
        }
        catch (HttpRequestException e)
        {
            return new Outcome(OutcomeKind.Failed, 0, e.Message);
        }
    }

    /// <summary>How many stored messages carry this provider message id; -1 when the host did not answer in time.</summary>
    public async Task<int> CountMessagesAsync(string providerMessageId, CancellationToken ct)
    {
        try
        {
            using var response = await Timed(
                t => _api.GetAsync($"/api/v1/messages?providerMessageId={Uri.EscapeDataString(providerMessageId)}", t), ct);
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    try
                    {
                        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
                        return json.RootElement.GetProperty("items").GetArrayLength();
                    }
                    catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
                    {
                        throw new TargetException("This host has no messages API: GET /api/v1/messages?providerMessageId= did not answer { \"items\": [...] }.");
                    }

                case HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed:
                    throw new TargetException("This host has no messages API (GET /api/v1/messages?providerMessageId= answered 404).");
                case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                    throw new TargetException($"The host refused the API key on GET /api/v1/messages ({(int)response.StatusCode}).");
                default:
                    return -1;
            }
        }
        catch (Exception e) when (e is TimeoutException or HttpRequestException)
        {
            return -1;
        }
    }

    /// <summary>Up to <paramref name="count"/> conversation ids, newest first, page by page.</summary>
    public async Task<IReadOnlyList<Guid>> ListConversationIdsAsync(int count, CancellationToken ct)
    {
        var ids = new List<Guid>(count);
        string? cursor = null;
        do
        {
            var path = "/api/v1/conversations?limit=100" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor));
            using var response = await Timed(t => _api.GetAsync(path, t), ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new TargetException($"GET /api/v1/conversations answered {(int)response.StatusCode}.");
            }

            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            ids.AddRange(json.RootElement.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
            cursor = json.RootElement.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null && ids.Count < count);

        return ids.Take(count).ToList();
    }

    /// <summary>A text reply in the conversation; true when the host queued it (202).</summary>
    public async Task<bool> ReplyAsync(Guid conversationId, string text, CancellationToken ct)
    {
        try
        {
            using var response = await Timed(t => _api.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { text }, t), ct);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is TimeoutException or HttpRequestException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _webhooks.Dispose();
        _api.Dispose();
    }

    /// <summary>Runs a call under the per-request timeout; a timeout becomes <see cref="TimeoutException"/>,
    /// while the run's own cancellation still surfaces as cancellation.</summary>
    private async Task<HttpResponseMessage> Timed(Func<CancellationToken, Task<HttpResponseMessage>> call, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_requestTimeout);
        try
        {
            return await call(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException();
        }
    }

    private static HttpClient Create(Uri baseAddress, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        UseCookies = false,
        UseProxy = false,
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    })
    {
        BaseAddress = baseAddress,
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
