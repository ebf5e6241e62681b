using ContactCenter.Channels.Sdk;
using ContactCenter.Plugins.WhatsAppCloud.Tests.Infrastructure;

namespace ContactCenter.Plugins.WhatsAppCloud.Tests.Parsing;

/// <summary>Template review updates (§6), Business-app echoes, statuses beyond the fixtures, other fields.</summary>
public sealed class OtherFieldTests
{
    [Theory]
    [InlineData("APPROVED", TemplateStatus.Approved, "\"NONE\"", null)]
    [InlineData("REJECTED", TemplateStatus.Rejected, "\"INVALID_FORMAT\"", "INVALID_FORMAT")]
    [InlineData("PAUSED", TemplateStatus.Paused, "null", null)]
    [InlineData("DISABLED", TemplateStatus.Disabled, "null", null)]
    [InlineData("PENDING_DELETION", TemplateStatus.Deleted, "null", null)]
    [InlineData("FLAGGED", TemplateStatus.Other, "null", null)]
    public void Template_status_updates_become_template_events(string eventName, TemplateStatus status, string reason, string? expectedReason)
    {
        var json = Payloads.Envelope("message_template_status_update", $$"""
            {"event":"{{eventName}}","message_template_id":594425479261596,"message_template_name":"order_update",
             "message_template_language":"pt_BR","reason":{{reason}}}
            """, time: 1750000123);
        var change = Assert.IsType<TemplateStatusChanged>(Assert.Single(Adapters.ParseJson(json)));
        Assert.Equal(new TemplateStatusChanged($"template:594425479261596:{eventName}:1750000123", DateTimeOffset.FromUnixTimeSeconds(1750000123),
            "594425479261596", "order_update", "pt_BR", status, expectedReason), change);
    }

    [Fact]
    public void Pause_reason_comes_from_other_info()
    {
        var json = Payloads.Envelope("message_template_status_update", """
            {"event":"PAUSED","message_template_id":1,"message_template_name":"n","message_template_language":"en","reason":null,
             "other_info":{"title":"FIRST_PAUSE","description":"Paused for 3 hours because of low quality."}}
            """, time: 1750000123);
        Assert.Equal("FIRST_PAUSE; Paused for 3 hours because of low quality.", Assert.IsType<TemplateStatusChanged>(Assert.Single(Adapters.ParseJson(json))).Reason);
    }

    [Fact]
    public void Business_app_echoes_become_echo_events()
    {
        var json = Payloads.Envelope("smb_message_echoes", """
            {"messaging_product":"whatsapp","metadata":{"phone_number_id":"1"},"message_echoes":[
             {"from":"15550783881","to":"5511988887777","id":"wamid.echo1","timestamp":"1750000200","type":"text","text":{"body":"on my way"}}]}
            """);
        var echo = Assert.IsType<MessageEchoed>(Assert.Single(Adapters.ParseJson(json)));
        Assert.Equal(new MessageEchoed("wamid.echo1", DateTimeOffset.FromUnixTimeSeconds(1750000200), "wamid.echo1",
            Recipient.ForPhone("5511988887777"), new TextContent("on my way")), echo);
    }

    [Theory]
    [InlineData("read", DeliveryStatus.Read)]
    [InlineData("played", DeliveryStatus.Played)]
    public void Read_and_played_statuses(string name, DeliveryStatus status)
    {
        var json = Payloads.Envelope("messages", $$"""
            {"messaging_product":"whatsapp","metadata":{"phone_number_id":"1"},
             "statuses":[{"id":"wamid.out","status":"{{name}}","timestamp":"1750000300","recipient_id":"5511988887777"}]}
            """);
        var change = Assert.IsType<MessageStatusChanged>(Assert.Single(Adapters.ParseJson(json)));
        Assert.Equal(($"wamid.out:{name}", status), (change.IdempotencyKey, change.Status));
    }

    [Fact]
    public void Informational_fields_produce_nothing_and_unknown_fields_are_reported()
    {
        Assert.Empty(Adapters.ParseJson(Payloads.Envelope("phone_number_quality_update", """{"event":"FLAGGED"}""")));
        var unknown = Assert.IsType<Unparseable>(Assert.Single(Adapters.ParseJson(Payloads.Envelope("brand_new_field", "{}"))));
        Assert.Contains("brand_new_field", unknown.Reason, StringComparison.Ordinal);
    }
}
