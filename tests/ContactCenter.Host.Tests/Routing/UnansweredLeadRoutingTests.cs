using System.Net;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Leads;
using ContactCenter.Host.Tests.Queues;
using ContactCenter.Queues.Routing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ContactCenter.Host.Tests.Routing;

/// <summary>
/// A form lead that never reached WhatsApp, end to end: after the wait it becomes a call-back task, waits for a backlog
/// round (nobody is available), goes to the agent who serves the product when she becomes available, counts on her load,
/// and frees it when she finishes it.
/// </summary>
public abstract class UnansweredLeadRoutingTests(DatabaseKind kind) : LeadsTest(kind)
{
    [Fact]
    public async Task An_unanswered_lead_waits_in_the_backlog_and_goes_to_the_agent_who_comes_back()
    {
        // Only the rounds below (and the one ana's presence triggers) run: the timed jobs wait.
        await (await Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).Standby();
        var ana = await Host.CreateUserAsync("ana", "agent", "Ana Agente");
        await Host.SetMembersAsync(TeamId, ana);
        await Host.CreateAdminClient().PutJsonAsync($"/api/v1/agents/{ana}", new { productIds = new[] { ProductId }, maxConcurrentConversations = 2 });

        await CreateLeadAsync("Rita Prado", "rita@example.com", "5511966660001");
        Host.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await RunUnansweredLeadsAsync());
        await Host.Services.GetRequiredService<BacklogRounds>().RunAsync();
        var task = Assert.Single(await TasksAsync())!;
        Assert.Equal("open", (string?)task["status"]); // nobody available: it waits

        var (available, body) = await Host.CreateAdminClient().PutJsonAsync($"/api/v1/agents/{ana}/presence", new { presence = "available" });
        Assert.True(available.IsSuccessStatusCode, body.ToJsonString());
        await Host.Services.GetRequiredService<BacklogRounds>().RunAsync();

        var anaClient = await Host.LoginAsync("ana", Arrange.Password);
        var mine = Assert.Single((await anaClient.GetJsonAsync("/api/v1/tasks?mine=true")).AsArray())!;
        Assert.Equal(("assigned", "Rita Prado"), ((string?)mine["status"], (string?)mine["name"]));
        Assert.Equal(1, await ActiveCountAsync(ana));

        Assert.Equal(HttpStatusCode.OK, (await anaClient.PostAsync($"/api/v1/tasks/{(string)mine["id"]!}/done", null)).StatusCode);
        Assert.Equal(0, await ActiveCountAsync(ana));
    }

    private async Task<int> ActiveCountAsync(Guid agentId) =>
        (int)(await Host.CreateAdminClient().GetJsonAsync($"/api/v1/agents/{agentId}"))["activeCount"]!;
}

public sealed class UnansweredLeadRoutingTestsOnSqlite() : UnansweredLeadRoutingTests(DatabaseKind.Sqlite);

public sealed class UnansweredLeadRoutingTestsOnPostgres() : UnansweredLeadRoutingTests(DatabaseKind.Postgres);
