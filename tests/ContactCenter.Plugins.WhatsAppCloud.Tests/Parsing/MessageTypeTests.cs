using ContactCenter.Channels.Sdk;
using ContactCenter.Plugins.WhatsAppCloud.Tests.Infrastructure;

namespace ContactCenter.Plugins.WhatsAppCloud.Tests.Parsing;

/// <summary>The types no published fixture covers, from payloads shaped after the reference (§4.2, §4.3).</summary>
public sealed class MessageTypeTests
{
    [Theory]
    [InlineData("audio", """{"mime_type":"audio/ogg; codecs=opus","sha256":"abc","id":"111","voice":true}""", MediaKind.Audio, true, false)]
    [InlineData("audio", """{"mime_type":"audio/mpeg","sha256":"abc","id":"111","voice":false}""", MediaKind.Audio, false, false)]
    [InlineData("video", """{"caption":"look","mime_type":"video/mp4","sha256":"abc","id":"111"}""", MediaKind.Video, false, false)]
    [InlineData("sticker", """{"mime_type":"image/webp","sha256":"abc","id":"111","animated":true}""", MediaKind.Sticker, false, true)]
    public void Media_types_keep_their_flags(string type, string media, MediaKind kind, bool voice, bool animated)
    {
        var content = Assert.IsType<MediaContent>(Single(Payloads.Message("wamid.m1", type, media)).Content);
        Assert.Equal((kind, "111", voice, animated), (content.Kind, content.Media.Id, content.IsVoice, content.IsAnimated));
    }

    [Fact]
    public void Document_keeps_file_name_and_caption()
    {
        var content = Assert.IsType<MediaContent>(Single(Payloads.Message("wamid.d1", "document",
            """{"caption":"Invoice","filename":"invoice.pdf","mime_type":"application/pdf","sha256":"abc","id":"222"}""")).Content);
        Assert.Equal(("invoice.pdf", "Invoice", "application/pdf"), (content.FileName, content.Caption, content.MimeType));
    }

    [Fact]
    public void System_notice_carries_the_new_id()
    {
        var json = Payloads.Envelope("messages", """
            {"messaging_product":"whatsapp","metadata":{"phone_number_id":"1"},"messages":[{"from":"5511988887777","id":"wamid.s1",
             "timestamp":"1750000000","type":"system","system":{"body":"User A changed from 5511988887777 to 5511977776666",
             "wa_id":"5511977776666","type":"user_changed_number"}}]}
            """);
        var message = Single(json);
        Assert.Equal(new SystemContent("user_changed_number", "User A changed from 5511988887777 to 5511977776666", "5511977776666"), message.Content);
        Assert.Equal(new Sender("5511988887777", null, null), message.From);
    }

    [Fact]
    public void Edit_nests_the_new_content_and_revoke_names_the_original()
    {
        var edit = Single(Payloads.Message("wamid.e1", "edit", """{"original_message_id":"wamid.orig","message":{"type":"text","text":{"body":"fixed"}}}"""));
        Assert.Equal(new EditContent("wamid.orig", new TextContent("fixed")), edit.Content);
        var revoke = Single(Payloads.Message("wamid.r1", "revoke", """{"original_message_id":"wamid.orig"}"""));
        Assert.Equal(new RevokeContent("wamid.orig"), revoke.Content);
    }

    [Fact]
    public void Flow_reply_uses_the_flow_token_and_keeps_the_response()
    {
        const string Interactive = """{"type":"nfm_reply","nfm_reply":{"name":"flow","body":"Sent","response_json":"{\"flow_token\":\"lead-form-7\",\"email\":\"a@b.c\"}"}}""";
        var content = Assert.IsType<InteractiveReplyContent>(Single(Payloads.Message("wamid.f1", "interactive", Interactive)).Content);
        Assert.Equal((InteractiveReplyKind.Flow, "lead-form-7", "Sent"), (content.Kind, content.Id, content.Title));
        Assert.Equal("""{"flow_token":"lead-form-7","email":"a@b.c"}""", content.ResponseJson);
    }

    [Theory]
    [InlineData("""{"message_id":"wamid.t"}""")]
    [InlineData("""{"message_id":"wamid.t","emoji":""}""")]
    public void Removed_reaction_has_no_emoji(string reaction) =>
        Assert.Equal(new ReactionContent("wamid.t", null), Single(Payloads.Message("wamid.x1", "reaction", reaction)).Content);

    [Fact]
    public void Forwarded_flags_are_read_from_context()
    {
        var message = Single(Payloads.Message("wamid.fw", "text", """{"body":"hi"}""", ""","context":{"frequently_forwarded":true}"""));
        Assert.Equal((true, true, null), (message.IsForwarded, message.IsFrequentlyForwarded, message.ReplyToProviderMessageId));
    }

    [Fact]
    public void A_new_type_is_kept_raw_as_unsupported()
    {
        var content = Assert.IsType<UnsupportedContent>(Single(Payloads.Message("wamid.p1", "poll", """{"question":"?"}""")).Content);
        Assert.Equal("poll", content.ProviderType);
        Assert.Contains("\"question\"", content.RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Sender_without_phone_is_known_by_business_scoped_user_id()
    {
        var json = Payloads.Envelope("messages", """
            {"messaging_product":"whatsapp","metadata":{"phone_number_id":"1"},
             "contacts":[{"profile":{"name":"Bea","username":"bea"},"user_id":"US.13491208655302741918"}],
             "messages":[{"from_user_id":"US.13491208655302741918","id":"wamid.b1","timestamp":"1750000000","type":"text","text":{"body":"hi"}}]}
            """);
        Assert.Equal(new Sender(null, "US.13491208655302741918", "Bea"), Single(json).From);
    }

    [Fact]
    public void Profile_names_are_matched_to_senders_by_wa_id()
    {
        var value = Payloads.MessagesValue(
            Payloads.InnerMessage("wamid.a", "text", """{"body":"1"}""") + "," + Payloads.InnerMessage("wamid.b", "text", """{"body":"2"}""").Replace("5511988887777", "5511900000000", StringComparison.Ordinal),
            """[{"profile":{"name":"Ana"},"wa_id":"5511988887777"},{"profile":{"name":"Bia"},"wa_id":"5511900000000"}]""");
        var senders = Adapters.ParseJson(Payloads.Envelope("messages", value)).Cast<MessageReceived>().Select(m => (m.From.Phone, m.From.ProfileName));
        Assert.Equal([("5511988887777", "Ana"), ("5511900000000", "Bia")], senders);
    }

    private static MessageReceived Single(string json) => Assert.IsType<MessageReceived>(Assert.Single(Adapters.ParseJson(json)));
}
