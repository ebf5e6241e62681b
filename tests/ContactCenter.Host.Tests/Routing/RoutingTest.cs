using System.Text.Json.Nodes;
using ContactCenter.Channels.Inbox;
using ContactCenter.Channels.Sandbox;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Queues.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Routing;

/// <summary>
/// Base of the routing scenarios: sandbox numbers, teams linked to them, agents with presence and capacity, contacts
/// writing through the sandbox phone (signed webhooks, the inbox processor drained), rounds and sweeps run by hand.
/// Everything is arranged and asserted through the API, as an admin, an agent or an integrator would.
/// </summary>
public abstract class RoutingTest(DatabaseKind kind) : HostTest(kind)
{
    private const string SigningSecret = "routing-signing-secret";
    private int _phones;

    protected async Task<Guid> CreateNumberAsync(string name, TestHost? host = null)
    {
        var (response, body) = await (host ?? Host).CreateAdminClient().PostJsonAsync("/api/v1/channel-accounts", new
        {
            pluginId = "sandbox",
            name,
            settings = new Dictionary<string, object?> { ["signingSecret"] = SigningSecret },
        });
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return Guid.Parse((string)body["id"]!);
    }

    protected async Task<Guid> CreateTeamAsync(string name, string mode, params Guid[] numbers)
    {
        var (response, body) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/teams", new { name, routingMode = mode, channelAccountIds = numbers });
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return Guid.Parse((string)body["id"]!);
    }

    /// <summary>An agent in the team, available unless told otherwise (the clock moves a second, so idle order is clear).</summary>
    protected async Task<Guid> CreateAgentAsync(string userName, Guid teamId, string presence = "available", int max = 5)
    {
        var id = await Host.CreateUserAsync(userName, "agent", displayName: userName);
        var team = await Host.CreateAdminClient().GetJsonAsync($"/api/v1/teams/{teamId}");
        var members = team["members"]!.AsArray().Select(m => Guid.Parse((string)m!["userId"]!)).Append(id).ToArray();
        await Host.SetMembersAsync(teamId, members);
        await SetCapacityAsync(id, max);
        if (presence != "offline")
        {
            await SetPresenceAsync(id, presence);
        }

        return id;
    }

    protected async Task SetPresenceAsync(Guid agentId, string presence)
    {
        Host.Clock.Advance(TimeSpan.FromSeconds(1));
        var (response, body) = await Host.CreateAdminClient().PutJsonAsync($"/api/v1/agents/{agentId}/presence", new { presence });
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
    }

    protected async Task SetCapacityAsync(Guid agentId, int max)
    {
        var (response, body) = await Host.CreateAdminClient().PutJsonAsync($"/api/v1/agents/{agentId}", new { maxConcurrentConversations = max });
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
    }

    /// <summary>The host processes sharing the database (one, unless a test starts more).</summary>
    protected virtual IReadOnlyList<TestHost> Nodes => [Host];

    /// <summary>A new contact writes to the number; returns the conversation it opened (processed and routed).</summary>
    protected async Task<Guid> ArriveAsync(Guid number, TestHost? host = null, string text = "Olá, quero atendimento")
    {
        host ??= Host;
        var phone = $"55119{Interlocked.Increment(ref _phones) + (host == Host ? 0 : 5000):D8}";
        using (var scope = host.Services.CreateScope())
        {
            var sent = await scope.ServiceProvider.GetRequiredService<SandboxPhone>()
                .SendTextAsync(number, new SandboxPhone.Person(phone, $"Contato {phone[^4..]}"), text, default);
            Assert.True(sent.IsSuccess, sent.Error?.Message);
        }

        foreach (var node in Nodes)
        {
            // Any node's inbox worker may have taken the message: each drain waits for its own workers.
            await node.Services.GetRequiredService<InboxProcessor>().DrainAsync();
        }

        var page = await host.CreateAdminClient().GetJsonAsync("/api/v1/conversations?limit=100");
        return Guid.Parse((string)page["items"]!.AsArray().Single(c => (string?)c!["contact"]!["phone"] == phone)!["id"]!);
    }

    protected async Task<JsonNode> ConversationAsync(Guid id) => await Host.CreateAdminClient().GetJsonAsync($"/api/v1/conversations/{id}");

    protected static Guid? AgentOf(JsonNode conversation) =>
        conversation["assignedAgentId"] is { } a ? Guid.Parse((string)a!) : null;

    protected async Task<JsonNode> RoutingAsync(Guid conversationId) =>
        await Host.CreateAdminClient().GetJsonAsync($"/api/v1/conversations/{conversationId}/routing");

    protected async Task<JsonNode> LastDecisionAsync(Guid conversationId) =>
        (await RoutingAsync(conversationId))["decisions"]!.AsArray().Last()!;

    protected async Task<int> ActiveCountAsync(Guid agentId) =>
        (int)(await Host.CreateAdminClient().GetJsonAsync($"/api/v1/agents/{agentId}"))["activeCount"]!;

    internal Task<RoundResult> RunRoundAsync(TestHost? host = null) =>
        (host ?? Host).Services.GetRequiredService<BacklogRounds>().RunAsync();

    protected Task<int> SweepTimeoutsAsync() => Host.Services.GetRequiredService<FirstResponseTimeouts>().RunAsync();

    /// <summary>What the finish endpoint (Conversations) publishes, in a unit of work of its own.</summary>
    protected async Task FinishAsync(Guid conversationId)
    {
        using var scope = Host.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<IDomainEvents>().Raise(new ConversationFinished(conversationId, null, null, Host.Clock.GetUtcNow().UtcDateTime));
        await scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>().SaveChangesAsync();
    }
}
