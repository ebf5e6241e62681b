using System.Text;
using ContactCenter.Channels.Conformance;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Channels.Conformance.Tests;

/// <summary>The Sandbox plugin, as built, against the kit: the payloads the sandbox phone page posts, signed.</summary>
public sealed class SandboxConformanceTests : ChannelConformanceSuite
{
    private const string SigningSecret = "sandbox-conformance-secret";

    /// <summary>A 1×1 PNG, what the phone page sends when a person attaches a picture.</summary>
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    protected override string PluginFolder => Path.Combine(AppContext.BaseDirectory, "plugins", "sandbox");

    protected override bool HasRemoteProvider => false;

    protected override IEnumerable<RecordedRequest> RecordedRequests =>
    [
        Recorded("text", """{"messages":[{"id":"sbx-1","from":"5511988887777","name":"Maria Souza","timestamp":1763800000,"type":"text","text":"Olá, quero saber do apartamento"}]}"""),
        Recorded("image", $$"""{"messages":[{"id":"sbx-2","from":"5511988887777","name":"Maria Souza","timestamp":1763800060,"type":"image","mimeType":"image/png","caption":"a planta","data":"{{Png}}"}]}"""),
        Recorded("statuses", """{"statuses":[{"id":"sandbox-0190f5a2000070008000000000000001","status":"delivered","timestamp":1763800100},{"id":"sandbox-0190f5a2000070008000000000000001","status":"read","timestamp":1763800120}]}"""),
        Recorded("batch", """{"messages":[{"id":"sbx-3","from":"5521977776666","type":"text","text":"Oi"},{"id":"sbx-4","from":"5521977776666","type":"text","text":"Tudo bem?"}]}"""),
    ];

    protected override IEnumerable<SendScenario> SendScenarios =>
    [
        new("accepted", new FakeHttpResponse(500), null) { ExpectedProviderMessageId = "sandbox-0190f5a2000070008000000000000001" },
        new("no phone", new FakeHttpResponse(500), SendFailureKind.BadRecipient)
        {
            Message = new OutboundMessage(Guid.NewGuid(), new Recipient(null, "user-id-only"), new OutboundText("Oi")),
        },
    ];

    protected override IReadOnlyDictionary<string, string> Settings(Uri fakeServer) =>
        new Dictionary<string, string> { ["signingSecret"] = SigningSecret };

    private static RecordedRequest Recorded(string name, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var signature = "sha256=" + WebhookSignatures.HmacSha256Hex(SigningSecret, body);
        return new RecordedRequest(name, new WebhookRequest(
            "POST", "/webhooks/conformance", [], [KeyValuePair.Create("X-Sandbox-Signature", signature)], body));
    }
}
