using System.Text.Json.Nodes;
using ContactCenter.Channels.Sdk;
using ContactCenter.Plugins.WhatsAppCloud.Tests.Infrastructure;

namespace ContactCenter.Plugins.WhatsAppCloud.Tests.Sending;

/// <summary>Request bodies against Meta's published examples: equal where Meta's example has real values, same shape otherwise.</summary>
public sealed class SendShapeTests
{
    private static readonly Recipient MetaRecipient = Recipient.ForPhone("16505551234");

    public static TheoryData<string, OutboundContent> ExactExamples => new()
    {
        { "send_text_preview_url_request__meta.json", new OutboundText("As requested, here's the link to our latest product: https://www.meta.com/quest/quest-3/", PreviewUrl: true) },
        { "send_image_by_id_caption_request__meta.json", new OutboundMedia(MediaKind.Image, new MediaId("1479537139650973"), "The best succulent ever?") },
        { "send_template_positional_params_request__meta.json", new OutboundTemplate("order_confirmation", "en_US", [], [new TextParameter("Jessica"), new TextParameter("SKBUP2-4CPIG9")], []) },
        { "send_template_named_params_request__meta.json", new OutboundTemplate("order_confirmation", "en_US", [], [new TextParameter("Jessica", "first_name"), new TextParameter("SKBUP2-4CPIG9", "order_number")], []) },
        { "mark_as_read_typing_indicator_request__meta.json", new MarkAsRead("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA", ShowTypingIndicator: true) },
    };

    [Theory]
    [MemberData(nameof(ExactExamples))]
    public async Task Bodies_equal_metas_examples(string fixture, OutboundContent content)
    {
        await using var graph = await GraphFake.StartAsync(GraphFake.Fixture("send_image_response__meta.json"));
        var result = await graph.Adapter.SendAsync(new OutboundMessage(Guid.NewGuid(), MetaRecipient, content), CancellationToken.None);

        Assert.True(result.Accepted);
        var request = graph.Single();
        Assert.Equal(("POST", GraphFake.MessagesPath, "Bearer " + Adapters.AccessToken), (request.Method, request.Path, request.Header("Authorization")));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Fixtures.Text(fixture)), JsonNode.Parse(request.Body)), request.BodyText);
    }

    public static TheoryData<string, OutboundContent, string?> ShapeExamples => new()
    {
        { "send_text_request__postman.json", new OutboundText("hello"), null },
        { "send_text_reply_context_request__postman.json", new OutboundText("hello"), "wamid.previous" },
        { "send_image_by_url_request__postman.json", new OutboundMedia(MediaKind.Image, new MediaLink(new Uri("https://example.com/a.jpg"))), null },
        { "send_document_by_id_request__postman.json", new OutboundMedia(MediaKind.Document, new MediaId("42"), "Invoice", "invoice.pdf"), null },
        { "send_reaction_request__postman.json", new OutboundReaction("wamid.target", "👍"), "wamid.ignored-for-reactions" },
        { "mark_as_read_request__postman.json", new MarkAsRead("wamid.in"), null },
        { "send_hello_world_template_request__postman.json", new OutboundTemplate("hello_world", "en_US", [], [], []), null },
    };

    [Theory]
    [MemberData(nameof(ShapeExamples))]
    public async Task Bodies_have_the_shape_of_the_postman_examples(string fixture, OutboundContent content, string? replyTo)
    {
        await using var graph = await GraphFake.StartAsync(GraphFake.Fixture("send_response__postman.json"));
        var result = await graph.Adapter.SendAsync(new OutboundMessage(Guid.NewGuid(), MetaRecipient, content) { ReplyToProviderMessageId = replyTo }, CancellationToken.None);

        Assert.Equal("wamid.gBGGSFcCNEOPAgkO_KJ55r4w_ww", result.ProviderMessageId);
        // Meta's hello_world example leaves out recipient_type, which is "individual" by default.
        JsonShape.AssertSame(JsonNode.Parse(Fixtures.Text(fixture)), graph.SingleBody(), "recipient_type");
    }

    [Fact]
    public async Task Template_header_and_buttons_have_the_shape_of_the_examples()
    {
        await using var graph = await GraphFake.StartAsync(GraphFake.Fixture("send_response__postman.json"));
        var template = new OutboundTemplate("template-name", "pt_BR",
            [new MediaParameter(MediaKind.Image, new MediaLink(new Uri("https://example.com/h.jpg")))],
            [new TextParameter("Ana")],
            [new TemplateButtonParameter(1, TemplateButtonKind.QuickReply, "no"), new TemplateButtonParameter(0, TemplateButtonKind.QuickReply, "yes")]);
        await graph.Adapter.SendAsync(new OutboundMessage(Guid.NewGuid(), MetaRecipient, template), CancellationToken.None);

        var sent = graph.SingleBody()!["template"]!["components"]!.AsArray();
        var example = JsonNode.Parse(Fixtures.Text("send_template_quick_reply_buttons_request__postman.json"))!["template"]!["components"]!.AsArray();
        JsonShape.AssertSame(example[0], sent[0]);
        JsonShape.AssertSame(example[2], sent[2]);
        JsonShape.AssertSame(example[3], sent[3]);
        Assert.Equal(["0", "1"], sent.Skip(2).Select(c => c!["index"]!.GetValue<string>()));
        Assert.Equal("yes", sent[2]!["parameters"]![0]!["payload"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bytes_are_uploaded_first_and_sent_by_id()
    {
        await using var graph = await GraphFake.StartAsync(request => request.Path.EndsWith("/media", StringComparison.Ordinal)
            ? GraphFake.Fixture("media_upload_response__postman.json")
            : GraphFake.Fixture("send_response__postman.json"));
        var upload = new MediaUpload(_ => Task.FromResult<Stream>(new MemoryStream("%PDF-1.7 test"u8.ToArray())), "application/pdf", "offer.pdf");
        var result = await graph.Adapter.SendAsync(new OutboundMessage(Guid.NewGuid(), MetaRecipient, new OutboundMedia(MediaKind.Document, upload, "Offer", "offer.pdf")), CancellationToken.None);

        Assert.True(result.Accepted);
        Assert.Equal([$"/v24.0/{Adapters.PhoneNumberId}/media", GraphFake.MessagesPath], graph.Server.Requests.Select(r => r.Path));
        var form = graph.Server.Requests[0];
        Assert.StartsWith("multipart/form-data", form.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Contains("%PDF-1.7 test", form.BodyText, StringComparison.Ordinal);
        Assert.Contains("filename=offer.pdf", form.BodyText, StringComparison.Ordinal);
        Assert.Contains("name=messaging_product", form.BodyText, StringComparison.Ordinal);
        var document = JsonNode.Parse(graph.Server.Requests[1].Body)!["document"]!;
        Assert.Equal(("4490709327384033", "offer.pdf", "Offer"), (document["id"]!.GetValue<string>(), document["filename"]!.GetValue<string>(), document["caption"]!.GetValue<string>()));
    }
}
