using System.Text.Json.Nodes;
using ContactCenter.Channels.Conformance;

namespace ContactCenter.Plugins.WhatsAppCloud.Tests.Infrastructure;

/// <summary>The fake Graph API of one test: a FakeHttpServer plus the adapter pointed at it.</summary>
public sealed class GraphFake : IAsyncDisposable
{
    private readonly HttpClient _http;

    private GraphFake(FakeHttpServer server, TimeSpan timeout)
    {
        Server = server;
        _http = new HttpClient { Timeout = timeout };
        Adapter = Adapters.For(server, _http);
    }

    public FakeHttpServer Server { get; }

    public ContactCenter.Channels.Sdk.IChannelAdapter Adapter { get; }

    public static string MessagesPath => $"/v24.0/{Adapters.PhoneNumberId}/messages";

    public RecordedHttpRequest Single() => Assert.Single(Server.Requests);

    public JsonNode? SingleBody() => JsonNode.Parse(Single().Body);

    public static Task<GraphFake> StartAsync(FakeHttpResponse response, TimeSpan? timeout = null) => StartAsync(_ => response, timeout);

    public static async Task<GraphFake> StartAsync(Func<RecordedHttpRequest, FakeHttpResponse> respond, TimeSpan? timeout = null) =>
        new(await FakeHttpServer.StartAsync(respond), timeout ?? TimeSpan.FromSeconds(5));

    public static FakeHttpResponse Fixture(string name, int status = 200) => FakeHttpResponse.Json(status, Fixtures.Text(name));

    public static FakeHttpResponse Error(int status, int code, string message = "failure", string details = "details") =>
        FakeHttpResponse.Json(status, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = $"(#{code}) {message}",
                ["type"] = "OAuthException",
                ["code"] = code,
                ["error_data"] = new JsonObject { ["messaging_product"] = "whatsapp", ["details"] = details },
                ["fbtrace_id"] = "T",
            },
        }.ToJsonString());

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }
}
