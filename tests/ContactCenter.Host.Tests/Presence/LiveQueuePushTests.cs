using System.Threading.Channels;
using ContactCenter.Channels.Sandbox;
using ContactCenter.Host.Tests.Inbound;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using ContactCenter.Kernel.Realtime;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.LiveQueue;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Presence;

/// <summary>
/// The live queue is pushed, not polled: every committed change it shows — a conversation arriving and being placed,
/// an agent's presence, capacity or open browser — tells the open pages to read it again, and nothing else does.
/// </summary>
public abstract class LiveQueuePushTests(DatabaseKind kind) : InboundTest(kind)
{
    [Fact]
    public async Task Presence_capacity_browsers_and_a_conversation_arriving_are_each_pushed_to_the_live_queue()
    {
        var ana = await Host.CreateUserAsync("ana", "agent", "Ana Atendente");
        var account = await Host.CreateSandboxChannelAsync("Loja");
        var (created, team) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/teams", new { name = "Vendas", channelAccountIds = new[] { account } });
        created.EnsureSuccessStatusCode();
        await Host.SetMembersAsync(Guid.Parse((string)team["id"]!), ana);
        using var queue = new TopicListener(Host.Services.GetRequiredService<INoticeHub>(), NotifyLiveQueue.Topic);

        (await Host.CreateAdminClient().PutJsonAsync($"/api/v1/agents/{ana}/presence", new { presence = "available" })).Response.EnsureSuccessStatusCode();
        Assert.Equal(NoticeKinds.Changed, (await queue.NextAsync()).Kind);

        (await Host.CreateAdminClient().PutJsonAsync($"/api/v1/agents/{ana}", new { maxConcurrentConversations = 3 })).Response.EnsureSuccessStatusCode();
        await queue.NextAsync();

        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var presence = scope.ServiceProvider.GetRequiredService<IPresenceApi>();
            await presence.BrowserDisconnectedAsync(ana, default);
            await queue.NextAsync();
            await presence.BrowserConnectedAsync(ana, default);
            await queue.NextAsync();
        }

        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var sent = await scope.ServiceProvider.GetRequiredService<SandboxPhone>()
                .SendTextAsync(account, new SandboxPhone.Person("5511999990001", "Maria"), "Oi", default);
            Assert.True(sent.IsSuccess, sent.Error?.Message);
        }

        await ProcessAsync();
        // Opened (it waits) and routed (placed with Ana): the page re-reads, and shows Ana carrying it.
        var arrived = await queue.NextAsync();
        Assert.NotNull(arrived.ConversationId);
        var live = await Host.CreateAdminClient().GetJsonAsync("/api/v1/queue/live");
        var row = live["agents"]!.AsArray().Single(a => (string?)a!["displayName"] == "Ana Atendente")!;
        Assert.Equal((1, 3), ((int)row["openConversations"]!, (int)row["maxConcurrentConversations"]!));
    }

    private sealed class TopicListener : IDisposable
    {
        private readonly Channel<Notice> _heard = Channel.CreateUnbounded<Notice>();
        private readonly IDisposable _subscription;

        public TopicListener(INoticeHub hub, string topic) => _subscription = hub.Subscribe(topic, notice => _heard.Writer.WriteAsync(notice).AsTask());

        // Generous: PostgreSQL delivers through LISTEN/NOTIFY, asynchronously.
        public async Task<Notice> NextAsync() => await _heard.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));

        public void Dispose() => _subscription.Dispose();
    }
}

public sealed class LiveQueuePushTestsOnSqlite() : LiveQueuePushTests(DatabaseKind.Sqlite);

public sealed class LiveQueuePushTestsOnPostgres() : LiveQueuePushTests(DatabaseKind.Postgres);
