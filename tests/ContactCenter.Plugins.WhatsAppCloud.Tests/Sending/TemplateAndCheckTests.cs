using System.Text.Json.Nodes;
using ContactCenter.Channels.Conformance;
using ContactCenter.Channels.Sdk;
using ContactCenter.Plugins.WhatsAppCloud.Tests.Infrastructure;

namespace ContactCenter.Plugins.WhatsAppCloud.Tests.Sending;

public sealed class TemplateAndCheckTests
{
    [Fact]
    public async Task Submit_posts_metas_example_and_reads_the_answer()
    {
        await using var graph = await GraphFake.StartAsync(GraphFake.Fixture("template_create_text_header_quick_replies_response__postman.json"));
        var definition = new TemplateDefinition("seasonal_promotion_text_only", "en", TemplateCategory.Marketing,
            "Shop now through {{1}} and use code {{2}} to get {{3}} off of all merchandise.", ["the end of August", "25OFF", "25%"])
        {
            Header = "Our {{1}} is on!",
            HeaderExamples = ["Summer Sale"],
            Footer = "Use the buttons below to manage your marketing subscriptions",
            Buttons = [new TemplateButton(TemplateButtonType.QuickReply, "Unsubcribe from Promos"), new TemplateButton(TemplateButtonType.QuickReply, "Unsubscribe from All")],
        };
        var result = await Templates(graph).SubmitTemplateAsync(definition, CancellationToken.None);

        Assert.Equal(new TemplateSubmitResult(true, "1627019861106475", TemplateStatus.Pending), result);
        var request = graph.Single();
        Assert.Equal($"/v24.0/{Adapters.WabaId}/message_templates", request.Path);
        var sent = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal("positional", sent["parameter_format"]!.GetValue<string>());
        sent.Remove("parameter_format");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Fixtures.Text("template_create_text_header_quick_replies_request__postman.json")), sent), request.BodyText);
    }

    [Fact]
    public async Task Named_placeholders_get_named_examples()
    {
        await using var graph = await GraphFake.StartAsync(GraphFake.Fixture("template_create_authentication_copy_code_response__postman.json"));
        var definition = new TemplateDefinition("order_confirmation", "en_US", TemplateCategory.Utility,
            "Thank you, {{first_name}}! Your order number is {{order_number}}.", ["Pablo", "860198-230332"]);
        var result = await Templates(graph).SubmitTemplateAsync(definition, CancellationToken.None);

        Assert.Equal(TemplateStatus.Approved, result.Status);
        var expected = JsonNode.Parse(Fixtures.Text("template_create_named_params_request__meta.json"))!;
        expected["category"] = "UTILITY";
        expected["components"]![0]!["type"] = "BODY";
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(graph.Single().Body)), graph.Single().BodyText);
    }

    [Fact]
    public async Task A_refused_template_says_why()
    {
        await using var graph = await GraphFake.StartAsync(GraphFake.Error(400, 2388040, "Invalid parameter", "Message too long"));
        var result = await Templates(graph).SubmitTemplateAsync(new TemplateDefinition("x", "en", TemplateCategory.Utility, "Hi", []), CancellationToken.None);
        Assert.Equal((false, TemplateStatus.Rejected, "(#2388040) Invalid parameter: Message too long"), (result.Accepted, result.Status, result.ErrorText));
    }

    [Fact]
    public async Task Sync_follows_the_cursor_on_the_configured_host()
    {
        await using var graph = await GraphFake.StartAsync(request => request.Query.Contains("after=CURSOR1", StringComparison.Ordinal)
            ? FakeHttpResponse.Json(200, """{"data":[{"id":"3","name":"c","language":"pt_BR","status":"PAUSED"}],"paging":{"cursors":{"before":"x","after":"CURSOR2"}}}""")
            : FakeHttpResponse.Json(200, """
                {"data":[{"id":"1","name":"a","language":"en_US","status":"APPROVED"},{"id":"2","name":"b","language":"en_US","status":"REJECTED","rejected_reason":"INVALID_FORMAT"}],
                 "paging":{"cursors":{"before":"x","after":"CURSOR1"},"next":"https://graph.facebook.com/v24.0/1/message_templates?after=CURSOR1"}}
                """));
        var templates = await Templates(graph).SyncTemplatesAsync(CancellationToken.None);

        Assert.Equal([
            new TemplateState("1", "a", "en_US", TemplateStatus.Approved),
            new TemplateState("2", "b", "en_US", TemplateStatus.Rejected, "INVALID_FORMAT"),
            new TemplateState("3", "c", "pt_BR", TemplateStatus.Paused)], templates);
        Assert.Equal(2, graph.Server.Requests.Count);
        Assert.All(graph.Server.Requests, r => Assert.Equal($"/v24.0/{Adapters.WabaId}/message_templates", r.Path));
    }

    [Fact]
    public async Task Check_passes_with_a_working_token()
    {
        await using var graph = await GraphFake.StartAsync(FakeHttpResponse.Json(200, $$"""{"display_phone_number":"+1 555-078-3881","verified_name":"Acme","id":"{{Adapters.PhoneNumberId}}"}"""));
        var result = await graph.Adapter.CheckAsync(CancellationToken.None);
        Assert.Equal(new ChannelCheckResult(ChannelCheckStatus.Passed, "Connected to +1 555-078-3881 (Acme)."), result);
        Assert.Equal(($"/v24.0/{Adapters.PhoneNumberId}", "Bearer " + Adapters.AccessToken), (graph.Single().Path, graph.Single().Header("Authorization")));
    }

    [Fact]
    public async Task Check_fails_readably_with_a_bad_token()
    {
        await using var graph = await GraphFake.StartAsync(GraphFake.Error(401, 190, "Error validating access token", "Session has expired"));
        var result = await graph.Adapter.CheckAsync(CancellationToken.None);
        Assert.Equal(ChannelCheckStatus.Failed, result.Status);
        Assert.StartsWith("Access token rejected", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_fails_when_the_graph_api_is_unreachable()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var result = await Adapters.Create(Adapters.Settings(FakeHttpServer.UnusedLocalAddress()), http).CheckAsync(CancellationToken.None);
        Assert.Equal(ChannelCheckStatus.Failed, result.Status);
        Assert.Contains("could not be reached", result.Message, StringComparison.Ordinal);
    }

    private static ISupportsTemplates Templates(GraphFake graph) => Assert.IsAssignableFrom<ISupportsTemplates>(graph.Adapter);
}
