using System.Net;
using ContactCenter.Channels.Inbox;
using ContactCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Inbound;

public abstract class ProcessingTests(DatabaseKind kind) : InboundTest(kind)
{
    [Fact]
    public async Task Malformed_json_is_acknowledged_kept_as_a_failure_and_can_be_reprocessed()
    {
        var account = await CreateAccountAsync();

        var response = await PostWebhookAsync(account, "{\"object\":\"whatsapp_business_account\",\"entry\":[{");
        await ProcessAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var failure = Assert.Single(await FailuresAsync())!;
        Assert.Equal(account, (Guid?)failure["channelAccountId"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)failure["reason"]));
        Assert.Equal(1, (int?)failure["attempts"]);

        var agent = await Host.LoginAsync(await UserAsync("ana", "agent"), Queues.Arrange.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/inbox-failures")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync($"/api/v1/inbox-failures/{failure["id"]}/reprocess", null)).StatusCode);

        var (reprocess, body) = await Host.CreateAdminClient().PostJsonAsync($"/api/v1/inbox-failures/{failure["id"]}/reprocess", new { });
        Assert.Equal(HttpStatusCode.Accepted, reprocess.StatusCode);
        Assert.Equal("pending", (string?)body["status"]);
        var audited = Assert.Single(await Audit.AuditEntries.ReadAsync(Host, "?targetKind=inboxEntry"));
        Assert.Equal(("inboxFailure.reprocessed", "apiKey", (string?)failure["id"]), ((string?)audited["action"], (string?)audited["actorKind"], (string?)audited["targetId"]));
        Assert.Equal([new("status", "failed", "pending")], Audit.AuditEntries.Changes(audited));
        await ProcessAsync();

        // Still unreadable by this plugin version: failed again, one more attempt, the payload still kept.
        Assert.Equal(2, (int?)Assert.Single(await FailuresAsync())!["attempts"]);
        Assert.Equal(1, InboxRows());
        var (notFailed, problem) = await Host.CreateAdminClient().PostJsonAsync($"/api/v1/inbox-failures/{Guid.CreateVersion7()}/reprocess", new { });
        Assert.Equal(HttpStatusCode.NotFound, notFailed.StatusCode);
        Assert.Equal("not_found", (string?)problem["code"]);
    }

    [Fact]
    public async Task Duplicate_deliveries_and_a_message_repeated_in_another_batch_store_each_message_once()
    {
        var account = await CreateAccountAsync();
        var first = Envelope(Inner("wamid.d1", "text", """{"body":"um"}""") + "," + Inner("wamid.d2", "text", """{"body":"dois"}"""));
        var second = Envelope(Inner("wamid.d2", "text", """{"body":"dois"}""") + "," + Inner("wamid.d3", "text", """{"body":"três"}"""));

        await PostWebhookAsync(account, first);
        await ProcessAsync();
        await PostWebhookAsync(account, second);
        await PostWebhookAsync(account, first); // Meta's retry of the whole webhook
        await ProcessAsync();

        foreach (var id in new[] { "wamid.d1", "wamid.d2", "wamid.d3" })
        {
            Assert.Single(await MessagesAsync(id));
        }

        var conversationId = (string?)(await SingleMessageAsync("wamid.d1"))["conversationId"];
        var messages = (await Host.CreateAdminClient().GetJsonAsync($"/api/v1/conversations/{conversationId}/messages"))["items"]!.AsArray();
        Assert.Equal(["um", "dois", "três"], messages.Select(m => (string?)m!["text"]));
        Assert.Empty(await FailuresAsync());
        Assert.Equal(3, InboxRows());
    }

    [Fact]
    public async Task A_crash_after_the_effects_are_written_but_before_the_commit_loses_and_doubles_nothing()
    {
        var account = await CreateAccountAsync();
        var processor = Host.Services.GetRequiredService<InboxProcessor>();
        var crashes = 0;
        processor.BeforeCommit = () => Interlocked.Increment(ref crashes) == 1
            ? throw new InvalidOperationException("the process died here")
            : Task.CompletedTask;

        var response = await PostWebhookAsync(account, Text("wamid.crash", "Ainda está disponível?"));
        await ProcessAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, crashes);
        Assert.Empty(await MessagesAsync("wamid.crash"));
        Assert.Empty((await Host.CreateAdminClient().GetJsonAsync("/api/v1/conversations"))["items"]!.AsArray());

        await RestartHostAsync();
        Host.Clock.Advance(TimeSpan.FromMinutes(1)); // past the retry backoff
        await PostWebhookAsync(account, Text("wamid.crash", "Ainda está disponível?")); // and Meta retried meanwhile
        await ProcessAsync();

        Assert.Equal("Ainda está disponível?", (string?)(await SingleMessageAsync("wamid.crash"))["text"]);
        Assert.Single((await Host.CreateAdminClient().GetJsonAsync("/api/v1/conversations"))["items"]!.AsArray());
        Assert.Empty(await FailuresAsync());
    }

    [Fact]
    public async Task Delivery_statuses_never_go_backwards_and_failed_carries_the_providers_error()
    {
        var account = await CreateAccountAsync();
        await SeedOutboundAsync(account, "wamid.out1");
        await SeedOutboundAsync(account, "wamid.out2");

        await PostWebhookAsync(account, Status("wamid.out1", "read", 1750000300));
        await PostWebhookAsync(account, Status("wamid.out1", "delivered", 1750000200));
        await PostWebhookAsync(account, Status("wamid.out1", "sent", 1750000100));
        await ProcessAsync();
        Assert.Equal("read", (string?)(await SingleMessageAsync("wamid.out1"))["status"]);

        await PostWebhookAsync(account, Status("wamid.out2", "sent", 1750000100));
        await PostWebhookAsync(account, Status("wamid.out2", "failed", 1750000200,
            ""","errors":[{"code":131026,"title":"Message undeliverable","message":"Message undeliverable","error_data":{"details":"Message Undeliverable."}}]"""));
        await PostWebhookAsync(account, Status("wamid.out2", "delivered", 1750000150));
        await ProcessAsync();

        var failed = await SingleMessageAsync("wamid.out2");
        Assert.Equal("failed", (string?)failed["status"]);
        Assert.Equal("131026", (string?)failed["error"]!["code"]);
        Assert.False(string.IsNullOrEmpty((string?)failed["error"]!["message"]));
    }

    [Fact]
    public async Task Reactions_edits_and_revokes_change_how_the_earlier_message_shows_without_losing_it()
    {
        var account = await CreateAccountAsync();
        await PostWebhookAsync(account, Text("wamid.m1", "Quero ver o apartamento"));
        await PostWebhookAsync(account, Envelope(Inner("wamid.r1", "reaction", """{"message_id":"wamid.m1","emoji":"👍"}""")));
        await PostWebhookAsync(account, Envelope(Inner("wamid.e1", "edit",
            """{"original_message_id":"wamid.m1","message":{"type":"text","text":{"body":"Quero ver a casa"}}}""")));
        await PostWebhookAsync(account, Envelope(Inner("wamid.x1", "revoke", """{"original_message_id":"wamid.m1"}""")));
        await PostWebhookAsync(account, Envelope(Inner("wamid.r2", "reaction", """{"message_id":"wamid.unknown","emoji":"❤️"}""")));
        // A reaction that overtakes its message is applied when the message arrives.
        await PostWebhookAsync(account, Envelope(Inner("wamid.r3", "reaction", """{"message_id":"wamid.m2","emoji":"😂"}""")));
        await PostWebhookAsync(account, Text("wamid.m2", "kkkk"));
        await ProcessAsync();

        var original = await SingleMessageAsync("wamid.m1");
        Assert.Equal(["👍"], original["reactions"]!.AsArray().Select(r => (string?)r));
        Assert.Equal("Quero ver a casa", (string?)original["text"]);
        Assert.Equal(["Quero ver o apartamento"], original["previousTexts"]!.AsArray().Select(t => (string?)t));
        Assert.NotNull((string?)original["editedAt"]);
        Assert.NotNull((string?)original["revokedAt"]);
        Assert.Equal("reaction", (string?)(await SingleMessageAsync("wamid.r1"))["type"]);
        Assert.Equal("edit", (string?)(await SingleMessageAsync("wamid.e1"))["type"]);
        Assert.Equal("revoke", (string?)(await SingleMessageAsync("wamid.x1"))["type"]);
        var orphan = await SingleMessageAsync("wamid.r2");
        Assert.Equal(("reaction", "wamid.unknown"), ((string?)orphan["type"], (string?)orphan["targetProviderMessageId"]));
        Assert.Equal(["😂"], (await SingleMessageAsync("wamid.m2"))["reactions"]!.AsArray().Select(r => (string?)r));
    }

    [Fact]
    public async Task The_service_window_closes_24_hours_after_the_last_inbound_message()
    {
        var account = await CreateAccountAsync();
        var start = Host.Clock.GetUtcNow();

        await PostWebhookAsync(account, Text("wamid.w1", "Bom dia"));
        await ProcessAsync();
        var conversationId = (string?)(await SingleMessageAsync("wamid.w1"))["conversationId"];
        var conversation = await Host.CreateAdminClient().GetJsonAsync($"/api/v1/conversations/{conversationId}");
        Assert.Equal(start.AddHours(24).UtcDateTime, (DateTime)conversation["windowClosesAt"]!);
        Assert.Equal("new", (string?)conversation["status"]);
        Assert.Equal("5511988887777", (string?)conversation["contact"]!["phone"]);
        Assert.Equal("Ana", (string?)conversation["contact"]!["name"]);

        Host.Clock.Advance(TimeSpan.FromHours(3));
        await PostWebhookAsync(account, Text("wamid.w2", "Alguém aí?"));
        await ProcessAsync();

        conversation = await Host.CreateAdminClient().GetJsonAsync($"/api/v1/conversations/{conversationId}");
        Assert.Equal(start.AddHours(27).UtcDateTime, (DateTime)conversation["windowClosesAt"]!);
        Assert.Equal(start.AddHours(3).UtcDateTime, (DateTime)conversation["lastMessageAt"]!);
    }

    private async Task<string> UserAsync(string userName, string role)
    {
        await Queues.Arrange.CreateUserAsync(Host, userName, role);
        return userName;
    }
}

public sealed class ProcessingTestsOnSqlite() : ProcessingTests(DatabaseKind.Sqlite);

public sealed class ProcessingTestsOnPostgres() : ProcessingTests(DatabaseKind.Postgres);
