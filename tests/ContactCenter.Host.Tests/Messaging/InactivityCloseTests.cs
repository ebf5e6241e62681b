using System.Net;
using System.Text.Json.Nodes;
using ContactCenter.Conversations.Inactivity;
using ContactCenter.Host.Tests.Inbound;
using ContactCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Messaging;

/// <summary>
/// Inactivity close (issue 9 C): a conversation nobody wrote in for the configured time is finished, frees the agent's
/// capacity and shows "Encerrada por inatividade" in the history; the goodbye goes out only inside the 24-hour window.
/// </summary>
public abstract class InactivityCloseTests(DatabaseKind kind) : InboundTest(kind)
{
    private const string Goodbye = "Encerramos este atendimento por falta de resposta. Se precisar, é só escrever!";

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        [CloseInactiveConversations.HoursSetting] = "8",
        [CloseInactiveConversations.MessageSetting] = Goodbye,
    };

    [Fact]
    public async Task An_idle_conversation_is_finished_after_the_configured_time_with_a_goodbye_inside_the_window_only()
    {
        var account = await CreateAccountAsync();
        var (_, anaId) = await AgentAsync("ana", account);
        var inside = await ConversationAsync(account, "wamid.idle-1");
        await PostWebhookAsync(account, Text("wamid.idle-2", "Oi, ainda tem a casa?", from: "5511977776666"));
        await ProcessAsync();
        var outside = (string)(await SingleMessageAsync("wamid.idle-2"))["conversationId"]!;
        Assert.Equal(2, await ActiveCountAsync(anaId));

        Host.Clock.Advance(TimeSpan.FromHours(7));
        Assert.Equal(0, await CloseAsync()); // not yet: 7 h without a word
        // A word from the contact restarts the count for that conversation.
        await PostWebhookAsync(account, Text("wamid.idle-3", "Alô?", from: "5511977776666"));
        await ProcessAsync();
        Host.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await CloseAsync());
        Assert.Equal("finished", (string?)(await ReadAsync(inside))["status"]);
        Assert.NotEqual("finished", (string?)(await ReadAsync(outside))["status"]);

        // The second one goes quiet past its window: it is finished without a goodbye (WhatsApp would refuse it).
        Host.Clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal(1, await CloseAsync());
        await SendAllAsync();
        var goodbyes = Graph.SentBodies.Select(b => JsonNode.Parse(b)!).Where(b => (string?)b["text"]?["body"] == Goodbye).ToList();
        Assert.Equal("5511988887777", ((string?)Assert.Single(goodbyes)["to"])?.TrimStart('+'));
        Assert.Equal(0, await ActiveCountAsync(anaId));

        var history = (await Host.CreateAdminClient().GetJsonAsync("/api/v1/history"))["items"]!.AsArray();
        Assert.Equal(2, history.Count);
        Assert.All(history, row => Assert.Equal(CloseInactiveConversations.DefaultReason, (string?)row!["reason"]));
    }

    [Fact]
    public async Task The_time_in_the_chatbot_settings_governs_over_the_servers_default()
    {
        var account = await CreateAccountAsync();
        await AgentAsync("ana", account);
        var conversation = await ConversationAsync(account, "wamid.idle-bot-1");
        var (saved, body) = await Host.CreateAdminClient().PutJsonAsync("/api/v1/chatbot/settings", new { inactivityCloseHours = 2 });
        Assert.True(saved.IsSuccessStatusCode, body.ToJsonString());

        Host.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await CloseAsync());
        Host.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await CloseAsync()); // 2 h, not the server's 8 h

        // Emptied again, the server's default stands.
        await PostWebhookAsync(account, Text("wamid.idle-bot-2", "Oi de novo", from: "5511977776666"));
        await ProcessAsync();
        await Host.CreateAdminClient().PutJsonAsync("/api/v1/chatbot/settings", new { inactivityCloseHours = (int?)null });
        Host.Clock.Advance(TimeSpan.FromHours(7));
        Assert.Equal(0, await CloseAsync());
        Host.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await CloseAsync());
        Assert.Equal("finished", (string?)(await ReadAsync(conversation))["status"]);
    }

    private async Task<int> CloseAsync()
    {
        using var scope = Host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CloseInactiveConversations>().RunAsync(default);
    }

    private async Task<JsonNode> ReadAsync(string id) => await Host.CreateAdminClient().GetJsonAsync($"/api/v1/conversations/{id}");

    private async Task<int> ActiveCountAsync(Guid agentId) =>
        (int)(await Host.CreateAdminClient().GetJsonAsync($"/api/v1/agents/{agentId}"))["activeCount"]!;
}

public sealed class InactivityCloseTestsOnSqlite() : InactivityCloseTests(DatabaseKind.Sqlite);

public sealed class InactivityCloseTestsOnPostgres() : InactivityCloseTests(DatabaseKind.Postgres);
