using System.Net;
using ContactCenter.Channels.Inbox;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Kernel.Data;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Inbound;

public abstract class EchoAndTemplateTests(DatabaseKind kind) : InboundTest(kind)
{
    [Fact]
    public async Task A_message_sent_from_the_business_app_is_stored_as_outbound_in_the_contacts_conversation()
    {
        var account = await CreateAccountAsync();
        var start = Host.Clock.GetUtcNow();
        await PostWebhookAsync(account, Text("wamid.in1", "Tem vaga amanhã?"));
        var echoAt = start.AddMinutes(5).ToUnixTimeSeconds();

        await PostWebhookAsync(account, $$$"""
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"smb_message_echoes","value":
             {"messaging_product":"whatsapp","metadata":{"phone_number_id":"106540352242922"},"message_echoes":[
              {"from":"15550783881","to":"5511988887777","id":"wamid.echo1","timestamp":"{{{echoAt}}}","type":"text","text":{"body":"Tem sim, às 10h"}}]}}]}]}
            """);
        await ProcessAsync();

        var inbound = await SingleMessageAsync("wamid.in1");
        var echo = await SingleMessageAsync("wamid.echo1");
        Assert.Equal(("outbound", "text", "Tem sim, às 10h"), ((string?)echo["direction"], (string?)echo["type"], (string?)echo["text"]));
        Assert.Equal("sent", (string?)echo["status"]);
        Assert.Null((string?)echo["authorAgentId"]);
        Assert.Equal((string?)inbound["conversationId"], (string?)echo["conversationId"]);
        var conversation = await Host.CreateAdminClient().GetJsonAsync($"/api/v1/conversations/{echo["conversationId"]}");
        Assert.Equal(start.AddMinutes(5).UtcDateTime, (DateTime)conversation["lastMessageAt"]!);
        Assert.Equal(start.AddHours(24).UtcDateTime, (DateTime)conversation["windowClosesAt"]!); // only the contact opens the window
    }

    [Fact]
    public async Task A_template_status_update_is_processed_once_without_a_failure()
    {
        var account = await CreateAccountAsync();
        const string update = """
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","time":1750000123,"changes":[{"field":"message_template_status_update","value":
             {"event":"REJECTED","message_template_id":594425479261596,"message_template_name":"order_update","message_template_language":"pt_BR","reason":"INCORRECT_CATEGORY"}}]}]}
            """;

        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(account, update)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(account, update)).StatusCode);
        await ProcessAsync();

        Assert.Empty(await FailuresAsync());
        using var scope = Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        Assert.Equal(2, db.Set<InboxEntry>().Count(e => e.Status == InboxStatus.Processed));
        Assert.Single(db.Set<ProcessedEvent>().Where(p => p.ChannelAccountId == account));
    }
}

public sealed class EchoAndTemplateTestsOnSqlite() : EchoAndTemplateTests(DatabaseKind.Sqlite);

public sealed class EchoAndTemplateTestsOnPostgres() : EchoAndTemplateTests(DatabaseKind.Postgres);
