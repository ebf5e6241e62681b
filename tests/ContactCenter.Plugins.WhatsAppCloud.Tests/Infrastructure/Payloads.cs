namespace ContactCenter.Plugins.WhatsAppCloud.Tests.Infrastructure;

/// <summary>
/// Hand-written webhooks for the types no published fixture covers (audio, video, document, system, edit,
/// revoke, flows, echoes, template updates, BSUID senders), shaped after the reference (§4–§6).
/// </summary>
public static class Payloads
{
    public static string Envelope(string field, string value, long? time = null) => $$"""
        {"object":"whatsapp_business_account","entry":[{"id":"{{Adapters.WabaId}}",{{(time is null ? "" : $"\"time\":{time},")}}
         "changes":[{"field":"{{field}}","value":{{value}}}]}]}
        """;

    public static string MessagesValue(string messages, string contacts = """[{"profile":{"name":"Ana"},"wa_id":"5511988887777"}]""") => $$"""
        {"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"{{Adapters.PhoneNumberId}}"},
         "contacts":{{contacts}},"messages":[{{messages}}]}
        """;

    /// <summary>One inbound message from 5511988887777 at 1750000000 with the given type and type object.</summary>
    public static string Message(string id, string type, string typeObject, string extra = "") =>
        Envelope("messages", MessagesValue(InnerMessage(id, type, typeObject, extra)));

    public static string InnerMessage(string id, string type, string typeObject, string extra = "") =>
        $$"""{"from":"5511988887777","id":"{{id}}","timestamp":"1750000000","type":"{{type}}","{{type}}":{{typeObject}}{{extra}}}""";
}
