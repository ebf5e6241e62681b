using System.Collections.Concurrent;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Kernel.Realtime;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Routing;

/// <summary>
/// A backlog round commits its placements a chunk at a time, and the chunk's notices travel packed (several to a
/// NOTIFY). People connected to another node must still hear each placement on its own: the agent who got the
/// conversation, the team whose pool it left, and the live queue.
/// </summary>
public sealed class TwoNodeRoundNoticeTests : TwoNodeRoutingTest
{
    private const int Waiting = 25;

    [Fact]
    public async Task Every_conversation_a_round_places_in_one_chunk_reaches_the_agent_team_and_live_queue_on_the_other_node()
    {
        var vendas = await CreateNumberAsync("Vendas");
        var comercial = await CreateTeamAsync("Comercial", "auto", vendas);
        var ana = await CreateAgentAsync("ana", comercial, presence: "offline", max: Waiting);
        var conversations = new List<Guid>();
        for (var i = 0; i < Waiting; i++)
        {
            conversations.Add(await ArriveAsync(vendas));
        }

        var heard = new ConcurrentQueue<Notice>();
        var hub = Second.Services.GetRequiredService<INoticeHub>();
        using var agentPage = hub.Subscribe(ana, [comercial], notice => Enqueue(heard, notice));
        using var liveQueuePage = hub.Subscribe("live-queue", notice => Enqueue(heard, notice));

        // Ana's availability wakes this node's round; one more makes sure a round has run (the lock lets one through).
        await SetPresenceAsync(ana, "available");
        await RunRoundAsync();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!HeardEveryPlacement(heard, conversations, ana, comercial) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        foreach (var conversation in conversations)
        {
            Assert.Equal(ana, AgentOf(await ConversationAsync(conversation)));
            Assert.Single(heard, n => n is UserNotice { Kind: NoticeKinds.Assigned } u && u.UserId == ana && n.ConversationId == conversation);
            Assert.Single(heard, n => n is TeamNotice { Kind: NoticeKinds.Claimed } t && t.TeamId == comercial && n.ConversationId == conversation);
            Assert.Contains(heard, n => n is TopicNotice { Topic: "live-queue" } && n.ConversationId == conversation);
        }
    }

    private static Task Enqueue(ConcurrentQueue<Notice> heard, Notice notice)
    {
        heard.Enqueue(notice);
        return Task.CompletedTask;
    }

    private static bool HeardEveryPlacement(ConcurrentQueue<Notice> heard, List<Guid> conversations, Guid agent, Guid team)
    {
        var notices = heard.ToList();
        return conversations.All(c =>
            notices.Any(n => n is UserNotice { Kind: NoticeKinds.Assigned } u && u.UserId == agent && n.ConversationId == c)
            && notices.Any(n => n is TeamNotice { Kind: NoticeKinds.Claimed } t && t.TeamId == team && n.ConversationId == c)
            && notices.Any(n => n is TopicNotice { Topic: "live-queue" } && n.ConversationId == c));
    }
}
