using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Kernel.Data;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Domain;
using ContactCenter.Queues.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Routing;

/// <summary>
/// The placement path on its own, against the database: another node changes the agent's load or the item between
/// our snapshot and our write, and the placer must neither push anyone past capacity nor move an item twice.
/// </summary>
public abstract class PlacerTests(DatabaseKind kind) : RoutingTest(kind)
{
    [Fact]
    public async Task When_the_picked_agent_fills_up_after_the_snapshot_the_placer_counts_her_full_and_places_with_the_next()
    {
        var (team, conversation, ana, bruno) = await ArrangeWaitingAsync();
        await using var scope = Host.Services.CreateAsyncScope();
        var (store, placer, item) = await OpenAsync(scope, conversation);
        var snapshot = await scope.ServiceProvider.GetRequiredService<RoutingSnapshots>().LoadAsync(default);
        Assert.Equal(ana, RoutingPolicy.Decide(Facts(team), snapshot).Agent!.UserId); // she is the one it would pick

        await FillAsync(ana); // another node gave her its conversation meanwhile
        var placed = await placer.DecideAndPlaceAsync(item, Request(team), snapshot, default);

        Assert.Equal(PlaceOutcome.Placed, placed.Outcome);
        Assert.Equal(bruno, placed.Placement!.AgentId);
        Assert.Equal((1, 1), (await ActiveCountAsync(ana), await ActiveCountAsync(bruno)));
        Assert.False(snapshot.FindAgent(ana)!.HasCapacity);
        Assert.Equal(1, snapshot.FindAgent(bruno)!.ActiveCount);
        var assignments = (await RoutingAsync(conversation))["decisions"]!.AsArray().Where(d => d!["agentId"] is not null).ToList();
        Assert.Equal(bruno.ToString(), (string?)Assert.Single(assignments)!["agentId"]);
        Assert.Equal(bruno, AgentOf(await ConversationAsync(conversation)));
    }

    [Fact]
    public async Task When_every_pick_fills_up_or_the_item_moves_meanwhile_nothing_is_written()
    {
        var (team, conversation, ana, bruno) = await ArrangeWaitingAsync();
        await using var scope = Host.Services.CreateAsyncScope();
        var (store, placer, item) = await OpenAsync(scope, conversation);
        var decisions = (await RoutingAsync(conversation))["decisions"]!.AsArray().Count;
        var snapshot = await scope.ServiceProvider.GetRequiredService<RoutingSnapshots>().LoadAsync(default); // both still have room here

        await FillAsync(ana);
        await FillAsync(bruno);
        var full = await placer.DecideAndPlaceAsync(item, Request(team) with { Attempts = 2 }, snapshot, default);
        Assert.Equal(PlaceOutcome.AgentFull, full.Outcome);
        Assert.All(snapshot.Agents, a => Assert.False(a.HasCapacity));

        await EmptyAsync(ana);
        await MoveAsync(item.Id); // a claim or another node's round got there first
        var moved = await placer.DecideAndPlaceAsync(item, Request(team), await scope.ServiceProvider.GetRequiredService<RoutingSnapshots>().LoadAsync(default), default);
        Assert.Equal(PlaceOutcome.ItemMoved, moved.Outcome);

        Assert.Equal((0, 1), (await ActiveCountAsync(ana), await ActiveCountAsync(bruno)));
        Assert.Equal(decisions, (await RoutingAsync(conversation))["decisions"]!.AsArray().Count);
        Assert.Null(AgentOf(await ConversationAsync(conversation)));
    }

    [Fact]
    public async Task A_chunk_placed_together_skips_the_item_taken_meanwhile_passes_the_agent_who_filled_up_and_places_the_rest()
    {
        var vendas = await CreateNumberAsync("Vendas");
        var solto = await CreateNumberAsync("Solto");
        var team = await CreateTeamAsync("Comercial", "auto", vendas);
        var ana = await CreateAgentAsync("ana", team, max: 1);
        var bruno = await CreateAgentAsync("bruno", team, max: 1);
        var caio = await CreateAgentAsync("caio", team, max: 1);
        var conversations = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            Host.Clock.Advance(TimeSpan.FromSeconds(1));
            conversations.Add(await ArriveAsync(solto)); // waiting: no team serves that number
        }

        await using var scope = Host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<RoutingStore>();
        var placer = scope.ServiceProvider.GetRequiredService<Placer>();
        var items = new List<WorkItem>();
        foreach (var conversation in conversations)
        {
            items.Add((await store.FindAsync(WorkItemKind.Conversation, conversation, default))!);
        }

        var snapshot = await scope.ServiceProvider.GetRequiredService<RoutingSnapshots>().LoadAsync(default); // all three have room here
        await FillAsync(ana); // another node gave her a conversation meanwhile
        await MoveAsync(items[1].Id); // and a claim or another round took the second item

        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        IReadOnlyList<PlacementResult> placed;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            placed = await placer.DecideAndPlaceAllAsync(items, 0, _ => RoundRequest(team), 100, snapshot, default);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        // Decided on the snapshot: ana, bruno, caio, then nobody left. Written: ana was full, so the first went to bruno,
        // who had no other (his planned item was gone); the third to caio; the fourth still waits.
        Assert.Equal(
            new[] { PlaceOutcome.Placed, PlaceOutcome.ItemMoved, PlaceOutcome.Placed, PlaceOutcome.Stays },
            placed.Select(p => p.Outcome));
        Assert.Equal(new Guid?[] { bruno, caio }, new[] { placed[0], placed[2] }.Select(p => p.Placement!.AgentId));
        Assert.Equal((1, 1, 1), (await ActiveCountAsync(ana), await ActiveCountAsync(bruno), await ActiveCountAsync(caio)));
        Assert.All(snapshot.Agents, a => Assert.False(a.HasCapacity));
        Assert.Equal(new Guid?[] { bruno, null, caio, null }, await Task.WhenAll(conversations.Select(async c => AgentOf(await ConversationAsync(c)))));
        var assignments = await Task.WhenAll(conversations.Select(async c =>
            (await RoutingAsync(c))["decisions"]!.AsArray().Count(d => d!["agentId"] is not null)));
        Assert.Equal(new[] { 1, 0, 1, 0 }, assignments);
        Assert.Equal("waiting", (string?)(await RoutingAsync(conversations[3]))["state"]);
    }

    /// <summary>Routing's store and placer in a unit of work of the test's own, and the conversation's item as stored now.</summary>
    private static async Task<(RoutingStore Store, Placer Placer, WorkItem Item)> OpenAsync(AsyncServiceScope scope, Guid conversation)
    {
        var store = scope.ServiceProvider.GetRequiredService<RoutingStore>();
        return (store, scope.ServiceProvider.GetRequiredService<Placer>(), (await store.FindAsync(WorkItemKind.Conversation, conversation, default))!);
    }

    private static RoutingFacts Facts(Guid team) => new(team, null, null);

    /// <summary>As a backlog round asks: an item nobody can take stays where it is, without a log line.</summary>
    private static PlacementRequest RoundRequest(Guid team) =>
        new(Facts(team), (decision, now) => decision.Rule is RoutingRule.Backlog or RoutingRule.NoTeam ? null : Placement.Of(decision, WorkItemKind.Conversation, 300, now));

    private static PlacementRequest Request(Guid team) =>
        new(Facts(team), (decision, now) => Placement.Of(decision, WorkItemKind.Conversation, 300, now));

    /// <summary>Two available agents with room for one each (ana available first, so the rule picks her), and a
    /// conversation waiting on a number no team serves, so no round places it behind the test's back.</summary>
    private async Task<(Guid Team, Guid Conversation, Guid Ana, Guid Bruno)> ArrangeWaitingAsync()
    {
        var vendas = await CreateNumberAsync("Vendas");
        var solto = await CreateNumberAsync("Solto");
        var team = await CreateTeamAsync("Comercial", "auto", vendas);
        var ana = await CreateAgentAsync("ana", team, max: 1);
        var bruno = await CreateAgentAsync("bruno", team, max: 1);
        var conversation = await ArriveAsync(solto);
        Assert.Equal("waiting", (string?)(await RoutingAsync(conversation))["state"]);
        return (team, conversation, ana, bruno);
    }

    private Task FillAsync(Guid agent) => WithDbAsync(db => db.Set<AgentProfile>().Where(a => a.UserId == agent)
        .ExecuteUpdateAsync(s => s.SetProperty(a => a.ActiveCount, a => a.MaxConcurrentConversations)));

    private Task EmptyAsync(Guid agent) => WithDbAsync(db => db.Set<AgentProfile>().Where(a => a.UserId == agent)
        .ExecuteUpdateAsync(s => s.SetProperty(a => a.ActiveCount, 0)));

    private Task MoveAsync(Guid itemId) => WithDbAsync(db => db.Set<WorkItem>().Where(w => w.Id == itemId)
        .ExecuteUpdateAsync(s => s.SetProperty(w => w.Version, w => w.Version + 1)));

    private async Task WithDbAsync(Func<ContactCenterDbContext, Task<int>> write)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        Assert.Equal(1, await write(scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>()));
    }
}

public sealed class PlacerTestsOnSqlite() : PlacerTests(DatabaseKind.Sqlite);

public sealed class PlacerTestsOnPostgres() : PlacerTests(DatabaseKind.Postgres);
