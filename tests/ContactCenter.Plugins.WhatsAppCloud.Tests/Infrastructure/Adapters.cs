using ContactCenter.Channels.Conformance;
using ContactCenter.Channels.Sdk;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Plugins.WhatsAppCloud.Tests.Infrastructure;

public static class Adapters
{
    public const string PhoneNumberId = "106540352242922";
    public const string WabaId = "102290129340398";
    public const string AccessToken = "test-access-token";
    public const string VerifyToken = "test-verify-token";

    public static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public static Dictionary<string, string> Settings(Uri? apiBaseUrl = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["phoneNumberId"] = PhoneNumberId,
            ["wabaId"] = WabaId,
            ["accessToken"] = AccessToken,
            ["appSecret"] = Fixtures.AppSecret,
            ["verifyToken"] = VerifyToken,
        };
        if (apiBaseUrl is not null)
        {
            settings["apiBaseUrl"] = new Uri(apiBaseUrl, "v24.0").ToString();
        }

        return settings;
    }

    /// <summary>An adapter for parsing and signatures; its HTTP client reaches nothing.</summary>
    public static IChannelAdapter Offline(IReadOnlyDictionary<string, string>? settings = null) =>
        Create(settings ?? Settings(new Uri("http://127.0.0.1:9/")), new HttpClient { Timeout = TimeSpan.FromSeconds(1) });

    /// <summary>An adapter whose Graph API is the fake server (base URL {server}/v24.0, like Meta's pinned version).</summary>
    public static IChannelAdapter For(FakeHttpServer server, HttpClient http) => Create(Settings(server.BaseAddress), http);

    public static IChannelAdapter Create(IReadOnlyDictionary<string, string> settings, HttpClient http) =>
        new WhatsAppCloudPlugin().CreateAdapter(new ChannelAccountContext(
            Guid.Parse("0190f5a2-0000-7000-8000-00000000cafe"), settings, http, NullLogger.Instance, new FixedClock(Now)));

    public static IReadOnlyList<InboundEvent> Parse(string fixtureName) => Offline().Parse(Fixtures.WebhookFile(fixtureName));

    public static IReadOnlyList<InboundEvent> ParseJson(string json) => Offline().Parse(Fixtures.Webhook(json));
}
