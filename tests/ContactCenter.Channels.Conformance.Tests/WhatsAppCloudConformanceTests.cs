using System.Text;
using ContactCenter.Channels.Conformance;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Channels.Conformance.Tests;

/// <summary>The WhatsApp Cloud plugin, as built, against the kit, with Meta's published payloads signed here.</summary>
public sealed class WhatsAppCloudConformanceTests : ChannelConformanceSuite
{
    internal const string AppSecret = "conformance-app-secret";
    private const string VerifyToken = "conformance-verify-token";

    protected override string PluginFolder => Path.Combine(AppContext.BaseDirectory, "plugins", "whatsapp-cloud");

    protected override IEnumerable<RecordedRequest> RecordedRequests =>
        Directory.GetFiles(SharedFixtures.WhatsAppCloud, "*.json")
            .Where(f => Path.GetFileName(f) is { } n && (n.StartsWith("inbound_", StringComparison.Ordinal) || n.StartsWith("status_", StringComparison.Ordinal) || n.StartsWith("webhook_", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(f => new RecordedRequest(Path.GetFileName(f), Signed(File.ReadAllBytes(f))));

    protected override IEnumerable<SendScenario> SendScenarios =>
    [
        new("accepted", FakeHttpResponse.Json(200, SharedFixtures.Text("send_response__postman.json")), null) { ExpectedProviderMessageId = "wamid.gBGGSFcCNEOPAgkO_KJ55r4w_ww" },
        new("window closed", Error(400, 131047), SendFailureKind.WindowClosed) { ExpectedProviderCode = "131047" },
        new("not on WhatsApp", Error(400, 131026), SendFailureKind.BadRecipient),
        new("template missing", Error(404, 132001), SendFailureKind.TemplateProblem),
        new("throughput", FakeHttpResponse.Json(400, SharedFixtures.Text("send_error_response_130429__meta.json")), SendFailureKind.RateLimited) { ExpectedProviderCode = "130429" },
        new("pair rate limit", Error(400, 131056), SendFailureKind.RateLimited),
        new("too many requests", new FakeHttpResponse(429).WithHeader("Retry-After", "5"), SendFailureKind.RateLimited),
        new("service unavailable", Error(503, 131016), SendFailureKind.Retryable),
        new("server error", new FakeHttpResponse(500), SendFailureKind.Retryable),
        new("expired token", Error(401, 190), SendFailureKind.Permanent),
        new("invalid parameter", Error(400, 100), SendFailureKind.Permanent),
        new("hanging", FakeHttpResponse.Hanging(), SendFailureKind.Retryable),
    ];

    protected override HandshakeCase Handshake => new(
        HandshakeRequest(VerifyToken), "1158201444", HandshakeRequest("not-the-token"));

    protected override TimeSpan HttpTimeout => TimeSpan.FromSeconds(1);

    protected override IReadOnlyDictionary<string, string> Settings(Uri fakeServer) => new Dictionary<string, string>
    {
        ["phoneNumberId"] = "106540352242922",
        ["wabaId"] = "102290129340398",
        ["accessToken"] = "conformance-token",
        ["appSecret"] = AppSecret,
        ["verifyToken"] = VerifyToken,
        ["apiBaseUrl"] = new Uri(fakeServer, "v24.0").ToString(),
    };

    internal static WebhookRequest Signed(byte[] body) =>
        new("POST", "/webhooks/conformance", [], [KeyValuePair.Create("X-Hub-Signature-256", "sha256=" + WebhookSignatures.HmacSha256Hex(AppSecret, body))], body);

    private static FakeHttpResponse Error(int status, int code) =>
        FakeHttpResponse.Json(status, $"{{\"error\":{{\"message\":\"(#{code}) failure\",\"type\":\"OAuthException\",\"code\":{code},\"fbtrace_id\":\"T\"}}}}");

    private static WebhookRequest HandshakeRequest(string token) => new("GET", "/webhooks/conformance",
        [KeyValuePair.Create("hub.mode", "subscribe"), KeyValuePair.Create("hub.challenge", "1158201444"), KeyValuePair.Create("hub.verify_token", token)], [], Encoding.UTF8.GetBytes(string.Empty));
}

/// <summary>Meta's published payloads, kept in tests/fixtures/whatsapp-cloud.</summary>
internal static class SharedFixtures
{
    public static string WhatsAppCloud { get; } = Path.Combine(RepoRoot(), "tests", "fixtures", "whatsapp-cloud");

    public static string Text(string name) => File.ReadAllText(Path.Combine(WhatsAppCloud, name));

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ContactCenter.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ContactCenter.sln not found above the test folder.");
    }
}
