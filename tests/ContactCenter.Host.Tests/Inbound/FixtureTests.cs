using System.Net;
using System.Text.Json.Nodes;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Inbound;

/// <summary>Every published WhatsApp webhook fixture, each on its own channel account (several share a wamid).</summary>
public abstract class FixtureTests(DatabaseKind kind) : InboundTest(kind)
{
    private const string Meta1 = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=";
    private const string Meta2 = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=";

    /// <summary>Inbound fixture → (provider message id, stored type, stored text or null when none).</summary>
    private static readonly Dictionary<string, (string Id, string Type, string? Text)> Inbound = new()
    {
        ["inbound_button_quick_reply__postman.json"] = ("wamid.ABGGFlCGg0cvAgo-sHWxBA2VFD_S", "button", "No"),
        ["inbound_contacts_full_placeholders__postman.json"] = ("<wamid.ID>", "contacts", "<CONTACT_FORMATTED_NAME>"),
        ["inbound_image__postman.json"] = ("wamid.id", "image", "This is a caption"),
        ["inbound_image_with_url__meta.json"] = (Meta1, "image", "Taj Mahal"),
        ["inbound_interactive_button_reply__meta.json"] = ("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTZBQzg0MzQ4QjRCM0NGNkVGOAA=", "interactive", "Cancel"),
        ["inbound_interactive_list_reply__meta.json"] = (Meta2, "interactive", "Priority Mail Express"),
        ["inbound_location__meta.json"] = (Meta2, "location", "Philz Coffee"),
        ["inbound_order__postman.json"] = ("wamid.ABGGFlCGg0cvAgo6cHbBhfK5760V", "order", "text-message-sent-along-with-the-order"),
        ["inbound_reaction__meta.json"] = (Meta2, "reaction", null),
        ["inbound_reaction_typo_messsage_id__postman.json"] = ("message_id", "reaction", null),
        ["inbound_sticker__postman.json"] = ("<WHATSAPP_BUSINESS_ACCOUNT_ID>", "sticker", null),
        ["inbound_text__meta.json"] = (Meta1, "text", "Does it come in another color?"),
        ["inbound_text__postman.json"] = ("wamid.ABGGFlCGg0cvAgo-sJQh43L5Pe4W", "text", "Hello this is an answer"),
        ["inbound_text_ctwa_referral__meta.json"] = ("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUQ0N0VFMDA2MTQ0RkJFNkNDNAA=", "text", "Can I get more info about this?"),
        ["inbound_text_ctwa_referral__postman.json"] = ("wamid.ID", "text", "<BODY>"),
        ["inbound_text_identity_security_notification__postman.json"] = ("ABGGFjFVU2AfAgo6V-Hc5eCgK5Gh", "text", "Hi from new number 3601"),
        ["inbound_text_message_business_button__meta.json"] = ("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTA2NTUwRkNEMDdFQjJCRUU0NQA=", "text", null),
        ["inbound_text_product_enquiry__postman.json"] = ("wamid.ID", "text", null),
        ["inbound_unknown_130501__postman.json"] = ("wamid.ABGGFlA5FpafAgo6tHcNmNjXmuSf", "unsupported", null),
        ["inbound_unsupported_edit__meta.json"] = (Meta2, "unsupported", null),
    };

    /// <summary>Status fixture → (provider message id, status the seeded outbound message ends in).</summary>
    private static readonly Dictionary<string, (string Id, string Status)> Statuses = new()
    {
        ["status_delivered_service_cbp__meta.json"] = ("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA", "delivered"),
        ["status_failed_131049__meta.json"] = ("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QUQ2MjA4NEYyRkExNjMyREUA", "failed"),
        ["status_sent_marketing_pmp__meta.json"] = (Meta2, "sent"),
        ["status_sent_minimal__postman.json"] = ("wamid.gBGGFlCGg0cvAglAxydbAoy-gwNo", "sent"),
        ["status_v24_no_conversation_no_pricing__meta.json"] = (Meta2, "sent"),
    };

    [Fact]
    public async Task Every_published_webhook_fixture_is_accepted_and_lands_as_described()
    {
        var files = Directory.GetFiles(FixturesDirectory, "*.json").Select(Path.GetFileName).OfType<string>()
            .Where(n => n.StartsWith("inbound_", StringComparison.Ordinal) || n.StartsWith("status_", StringComparison.Ordinal)
                || n.StartsWith("webhook_", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        var accounts = new Dictionary<string, Guid>();
        var number = 0;
        foreach (var file in files)
        {
            var account = accounts[file] = await CreateAccountAsync($"Fixture {++number}");
            if (Statuses.TryGetValue(file, out var status))
            {
                await SeedOutboundAsync(account, status.Id);
            }

            var response = await PostWebhookAsync(account, File.ReadAllBytes(Path.Combine(FixturesDirectory, file)));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file}: {response.StatusCode}");
        }

        await ProcessAsync();

        var failures = await FailuresAsync();
        foreach (var file in files)
        {
            var account = accounts[file];
            var failure = failures.FirstOrDefault(f => (Guid?)f!["channelAccountId"] == account);
            if (Inbound.TryGetValue(file, out var expected))
            {
                Assert.True(failure is null, $"{file} failed: {failure?["reason"]}");
                var message = await OnAccountAsync(expected.Id, account, file);
                Assert.True((string?)message["type"] == expected.Type, $"{file}: type {message["type"]}, expected {expected.Type}");
                Assert.True((string?)message["direction"] == "inbound", file);
                if (expected.Text is not null)
                {
                    Assert.True((string?)message["text"] == expected.Text, $"{file}: text '{message["text"]}', expected '{expected.Text}'");
                }
            }
            else if (Statuses.TryGetValue(file, out var status))
            {
                Assert.True(failure is null, $"{file} failed: {failure?["reason"]}");
                var message = await OnAccountAsync(status.Id, account, file);
                Assert.True((string?)message["status"] == status.Status, $"{file}: status {message["status"]}, expected {status.Status}");
            }
            else if (file == "status_payment_order_details__postman.json")
            {
                // Payment statuses are not read by this plugin version: kept, visible to admins, re-processable.
                Assert.Contains("Payment status", (string?)failure?["reason"], StringComparison.Ordinal);
            }
            else
            {
                Assert.True(failure is null, $"{file} failed: {failure?["reason"]}");
            }
        }

        var failedMessage = await OnAccountAsync(Statuses["status_failed_131049__meta.json"].Id, accounts["status_failed_131049__meta.json"], "failed");
        Assert.Equal("131049", (string?)failedMessage["error"]!["code"]);
        Assert.StartsWith("This message was not delivered", (string?)failedMessage["error"]!["message"], StringComparison.Ordinal);
        var reaction = await OnAccountAsync(Meta2, accounts["inbound_reaction__meta.json"], "reaction");
        Assert.Equal(["👍"], reaction["reactions"]!.AsArray().Select(r => (string?)r));
    }

    private async Task<JsonNode> OnAccountAsync(string providerMessageId, Guid account, string file)
    {
        var all = await MessagesAsync(providerMessageId);
        var mine = new List<JsonNode>();
        foreach (var message in all)
        {
            var conversation = await Host.CreateAdminClient().GetJsonAsync($"/api/v1/conversations/{message!["conversationId"]}");
            if ((Guid?)conversation["channelAccountId"] == account)
            {
                mine.Add(message);
            }
        }

        Assert.True(mine.Count == 1, $"{file}: {mine.Count} messages with id {providerMessageId} on its account");
        return mine[0];
    }
}

public sealed class FixtureTestsOnSqlite() : FixtureTests(DatabaseKind.Sqlite);

public sealed class FixtureTestsOnPostgres() : FixtureTests(DatabaseKind.Postgres);
