using System.Text.Json.Nodes;
using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Channels.Outbound;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Outbound;

/// <summary>The contract's content reaches the provider in the shape Meta documents (reference §7).</summary>
public abstract class OutboxContentTests(DatabaseKind kind) : OutboxTest(kind)
{
    [Fact]
    public async Task Media_by_link_goes_out_with_its_caption_and_reply_context()
    {
        await EnqueueAsync(new SendMedia(
            OutboundMediaKind.Image, Link: new Uri("https://example.test/casa.jpg"), Caption: "Sala", ReplyToProviderMessageId: "wamid.q"));

        Assert.Equal(1, await DrainAsync());

        var body = JsonNode.Parse(Assert.Single(Sends).Body)!;
        Assert.Equal("image", (string?)body["type"]);
        Assert.Equal("https://example.test/casa.jpg", (string?)body["image"]!["link"]);
        Assert.Equal("Sala", (string?)body["image"]!["caption"]);
        Assert.Equal("wamid.q", (string?)body["context"]!["message_id"]);
    }

    [Fact]
    public async Task A_template_goes_out_with_header_body_and_button_parameters()
    {
        await EnqueueAsync(new SendTemplate(
            "visita_agendada",
            "pt_BR",
            HeaderParameters: [new TemplateValue(null, OutboundMediaKind.Image, new Uri("https://example.test/fachada.jpg"))],
            BodyParameters: [new TemplateValue("Ana"), new TemplateValue("sábado")],
            ButtonParameters: [new TemplateButtonValue(0, IsUrl: false, "confirmar")]));

        Assert.Equal(1, await DrainAsync());

        var template = JsonNode.Parse(Assert.Single(Sends).Body)!["template"]!;
        Assert.Equal("visita_agendada", (string?)template["name"]);
        Assert.Equal("pt_BR", (string?)template["language"]!["code"]);
        var components = template["components"]!.AsArray();
        Assert.Equal(["header", "body", "button"], components.Select(c => (string?)c!["type"]));
        Assert.Equal("https://example.test/fachada.jpg", (string?)components[0]!["parameters"]![0]!["image"]!["link"]);
        Assert.Equal(["Ana", "sábado"], components[1]!["parameters"]!.AsArray().Select(p => (string?)p!["text"]));
        Assert.Equal("confirmar", (string?)components[2]!["parameters"]![0]!["payload"]);
    }

    [Fact]
    public async Task A_stored_file_that_is_gone_fails_permanently_without_calling_the_provider()
    {
        var id = await EnqueueAsync(new SendMedia(OutboundMediaKind.Document, FileReference: "files/contrato.pdf", MimeType: "application/pdf"));

        await DrainAsync();

        Assert.Empty(Sends);
        var failed = Assert.Single(Events.Failed);
        Assert.Equal((id, OutboundFailureKind.Permanent, "file_missing"), (failed.HostMessageId, failed.Kind, failed.ProviderCode));
        Assert.Equal(OutboxStatus.Failed, (await RowAsync(id)).Status);
    }
}

public sealed class OutboxContentTestsOnSqlite() : OutboxContentTests(DatabaseKind.Sqlite);

public sealed class OutboxContentTestsOnPostgres() : OutboxContentTests(DatabaseKind.Postgres);
