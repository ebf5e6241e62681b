using System.Text;
using ContactCenter.Channels.Sdk;
using ContactCenter.LoadGenerator.Load;
using ContactCenter.Plugins.WhatsAppCloud;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.LoadGenerator.Tests;

/// <summary>The benchmark is only worth its figures if the real WhatsApp plugin accepts what it sends.</summary>
public sealed class PayloadTests
{
    private const string AppSecret = "0123456789abcdef0123456789abcdef";
    private readonly WebhookPayloads _payloads = new("ab12cd34", Encoding.UTF8.GetBytes(AppSecret), "106540352242922", "102290129340398", 1000, 1749416383);

    [Fact]
    public void The_WhatsApp_plugin_accepts_the_signature_and_reads_one_text_message_with_the_wamid_and_phone()
    {
        var adapter = Adapter(AppSecret);
        var body = _payloads.Body(1234);
        var request = Request(body, _payloads.Sign(body));

        Assert.True(adapter.VerifySignature(request));
        var received = Assert.IsType<MessageReceived>(Assert.Single(adapter.Parse(request)));
        Assert.Equal(_payloads.Wamid(1234), received.ProviderMessageId);
        Assert.Equal(_payloads.Wamid(1234), received.IdempotencyKey);
        Assert.Equal("5511900000234", received.From.Phone); // 1234 % 1,000 phones
    }

    [Fact]
    public void The_unreadable_fault_payload_passes_the_signature_but_yields_no_message()
    {
        var adapter = Adapter(AppSecret);
        var body = _payloads.Unreadable(1234);
        var request = Request(body, _payloads.Sign(body));

        // Acknowledged like any webhook (the signature holds), then set aside by the processor: nothing to store.
        Assert.True(adapter.VerifySignature(request));
        Assert.DoesNotContain(adapter.Parse(request), e => e is MessageReceived);
    }

    [Fact]
    public void A_signature_made_with_another_secret_is_refused_by_the_plugin()
    {
        var body = _payloads.Body(7);
        Assert.False(Adapter("another-secret-entirely-000000000").VerifySignature(Request(body, _payloads.Sign(body))));
    }

    [Fact]
    public void Each_message_has_its_own_wamid_and_a_re_post_is_byte_for_byte_the_same()
    {
        Assert.NotEqual(_payloads.Wamid(1), _payloads.Wamid(2));
        Assert.Equal(_payloads.Body(42), _payloads.Body(42));
        Assert.Equal(_payloads.Sign(_payloads.Body(42)), _payloads.Sign(_payloads.Body(42)));
        Assert.Equal(1000, Enumerable.Range(0, 5000).Select(i => _payloads.Phone(i)).Distinct().Count());
    }

    [Fact]
    public void A_live_message_reaches_the_plugin_from_its_own_phone_with_its_marker_in_the_text()
    {
        var adapter = Adapter(AppSecret);
        var body = _payloads.Text("wamid.HBgMLIVEab12cd34N1000007", "5521988000003", "Contato ao vivo 3", "Mensagem ao vivo LIVEab12cd34N1000007");

        var received = Assert.IsType<MessageReceived>(Assert.Single(adapter.Parse(Request(body, _payloads.Sign(body)))));
        Assert.Equal("wamid.HBgMLIVEab12cd34N1000007", received.ProviderMessageId);
        Assert.Equal("5521988000003", received.From.Phone);
        Assert.Equal("Mensagem ao vivo LIVEab12cd34N1000007", Assert.IsType<TextContent>(received.Content).Body);
    }

    private static IChannelAdapter Adapter(string appSecret) => new WhatsAppCloudPlugin().CreateAdapter(new ChannelAccountContext(
        Guid.NewGuid(),
        new Dictionary<string, string> { ["appSecret"] = appSecret, ["verifyToken"] = "t", ["phoneNumberId"] = "106540352242922", ["wabaId"] = "102290129340398", ["accessToken"] = "x" },
        new HttpClient(),
        NullLogger.Instance,
        TimeProvider.System));

    private static WebhookRequest Request(byte[] body, string signature) => new(
        "POST", "/webhooks/x", [], [new(WebhookPayloads.SignatureHeader, signature), new("Content-Type", "application/json")], body);
}
