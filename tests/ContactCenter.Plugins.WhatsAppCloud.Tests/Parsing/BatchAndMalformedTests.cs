using System.Text;
using ContactCenter.Channels.Sdk;
using ContactCenter.Plugins.WhatsAppCloud.Tests.Infrastructure;

namespace ContactCenter.Plugins.WhatsAppCloud.Tests.Parsing;

public sealed class BatchAndMalformedTests
{
    /// <summary>Two entries, the second with two changes, one of them with two messages and a status (§3).</summary>
    private static readonly string Batch =
        """{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":"""
        + Payloads.MessagesValue(Payloads.InnerMessage("wamid.1", "text", """{"body":"one"}"""))
        + """}]},{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"phone_number_id":"1"},"""
        + """ "contacts":[{"profile":{"name":"Ana"},"wa_id":"5511988887777"}],"messages":["""
        + Payloads.InnerMessage("wamid.2", "text", """{"body":"two"}""") + ","
        + Payloads.InnerMessage("wamid.3", "location", """{"latitude":1}""")
        + """],"statuses":[{"id":"wamid.out","status":"delivered","timestamp":"1750000001","recipient_id":"5511988887777"}]}},"""
        + """{"field":"messages","value":""" + Payloads.MessagesValue(Payloads.InnerMessage("wamid.4", "text", """{"body":"four"}""")) + "}]}]}";

    [Fact]
    public void A_batch_is_read_whole_in_payload_order_and_one_bad_part_does_not_spoil_it()
    {
        var events = Adapters.ParseJson(Batch);
        Assert.Equal(["wamid.1", "wamid.2", "unparseable:wamid.3", "wamid.out:delivered", "wamid.4"], events.Select(e => e.IdempotencyKey));
        Assert.Contains("wamid.3", Assert.IsType<Unparseable>(events[2]).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Statuses_of_one_message_have_distinct_keys_and_a_redelivery_the_same()
    {
        var first = Adapters.ParseJson(Batch).Select(e => e.IdempotencyKey).ToList();
        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.Equal(first, Adapters.ParseJson(Batch).Select(e => e.IdempotencyKey));
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("{\"object\":\"whatsapp_business_account\",\"entry\":[", "not valid JSON")]
    [InlineData("[]", "array")]
    [InlineData("42", "number")]
    [InlineData("{\"object\":\"page\",\"entry\":[]}", "'page'")]
    [InlineData("{\"object\":\"whatsapp_business_account\"}", "no entry[]")]
    [InlineData("{\"object\":\"whatsapp_business_account\",\"entry\":{}}", "no entry[]")]
    public void Unreadable_bodies_become_one_unparseable_event(string body, string reason)
    {
        var request = Fixtures.Webhook(Encoding.UTF8.GetBytes(body));
        var unparseable = Assert.IsType<Unparseable>(Assert.Single(Adapters.Offline().Parse(request)));
        Assert.Contains(reason, unparseable.Reason, StringComparison.Ordinal);
        Assert.Equal(Unparseable.For(request, Adapters.Now, "x").IdempotencyKey, unparseable.IdempotencyKey);
        Assert.Equal(Adapters.Now, unparseable.OccurredAt);
    }

    [Theory]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"id":"1"}]}""", "no changes[]")]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages"}]}]}""", "no value")]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messages":42}}]}]}""", "no messages[]")]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messages":[{"type":"text"}]}}]}]}""", "no id")]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messages":[7]}}]}]}""", "not an object")]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"statuses":[{"id":"w","status":"bogus"}]}}]}]}""", "'bogus'")]
    public void Wrong_shapes_inside_the_envelope_are_reported_with_their_place(string body, string reason)
    {
        var unparseable = Assert.IsType<Unparseable>(Assert.Single(Adapters.ParseJson(body)));
        Assert.Contains(reason, unparseable.Reason, StringComparison.Ordinal);
        Assert.StartsWith("entry[0]", unparseable.Reason, StringComparison.Ordinal);
    }
}
