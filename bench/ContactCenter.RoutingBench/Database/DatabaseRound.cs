using System.Diagnostics;
using ContactCenter.Kernel.Data;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Domain;
using ContactCenter.Queues.Routing;
using Microsoft.EntityFrameworkCore;
using Conversation = ContactCenter.Conversations.Domain.Conversation;
using LeadsContact = ContactCenter.Leads.Domain.Contact;
using TimelineEntry = ContactCenter.Leads.Domain.TimelineEntry;
using TimelineKinds = ContactCenter.Leads.Domain.TimelineKinds;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.RoutingBench.Database;

internal sealed record DatabaseFigures(
    string Provider, double RoundMs, double LoadMs, int Waiting, int Assigned, int Offered, int LeftWaiting, int DecisionsLogged, int AgentsOverCapacity,
    long Statements, TimeSpan StatementTime, long Commits, TimeSpan CommitTime)
{
    /// <summary>True: the work items were stored alone (<c>--bare</c>), so the handlers found nothing to change.</summary>
    public bool Bare { get; init; }

    /// <summary>What the round's handlers changed: conversations with an agent, routing lines naming one, contacts with an owner.</summary>
    public (int Conversations, int TimelineLines, int OwnedContacts) Handled { get; init; }

    /// <summary>The round's commands by kind: (commands, statements they carried, time in the database).</summary>
    public IReadOnlyList<(string Kind, long Commands, long Statements, TimeSpan Time)> Kinds { get; init; } = [];
}

/// <summary>
/// One full backlog round (<see cref="BacklogRounds.RunAsync"/>, the code the timed job and the availability signal run)
/// over the scenario stored in a fresh database: teams, products and agent profiles as the admin pages store them,
/// and 10,000 <c>Queues_WorkItems</c> waiting in their product's team's backlog as RouteOpenedConversation leaves them
/// when nobody could take them, each with its conversation, contact, timeline lines and arrival decision
/// (<see cref="Arrivals"/>), so the round's ConversationRouted handlers (Conversations' ApplyRouting and notices, Leads'
/// timeline) update and write what they do on a real backlog (<c>--bare</c>: the work items alone, as before).
/// </summary>
internal static class DatabaseRound
{
    private const int Batch = 2_000;

    /// <summary>Warm-up rounds before the measured one (at least 30: tiered compilation's call count for a method).</summary>
    private const int WarmUpRounds = 40;

    public static async Task<DatabaseFigures> MeasureAsync(BenchHost host, Scenario scenario, DateTime now, bool bare)
    {
        await SeedWorkforceAsync(host, scenario, now);
        await WarmUpAsync(host, scenario, now, bare);
        await SeedWaitingAsync(host, scenario, bare);

        // What the round reads before its first decision, timed apart so the report can say where the time goes.
        double loadMs;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<RoutingStore>();
            var started = Stopwatch.StartNew();
            _ = await scope.ServiceProvider.GetRequiredService<RoutingSnapshots>().LoadAsync(CancellationToken.None);
            _ = await store.ListWaitingAsync(CancellationToken.None);
            loadMs = started.Elapsed.TotalMilliseconds;
        }

        var rounds = host.Services.GetRequiredService<BacklogRounds>();
        if (int.TryParse(Environment.GetEnvironmentVariable("ROUNDBENCH_PAUSE_SECONDS"), out var pause) && pause > 0)
        {
            // Time to attach a profiler (perf record -p, dotnet-trace) to just the round; "round done" marks its end.
            await Console.Error.WriteLineAsync($"[bench] pid {Environment.ProcessId}: the round starts in {pause} s");
            await Task.Delay(TimeSpan.FromSeconds(pause));
        }

        var before = host.Statements.Read();
        var kindsBefore = host.Statements.ReadKinds();
        var clock = Stopwatch.StartNew();
        var result = await rounds.RunAsync();
        var roundMs = clock.Elapsed.TotalMilliseconds;
        await Console.Error.WriteLineAsync($"[bench] round done in {roundMs:F0} ms");
        var after = host.Statements.Read();
        var kinds = host.Statements.ReadKinds()
            .Select(k =>
            {
                var (commands, statements, time) = kindsBefore.GetValueOrDefault(k.Key);
                return (Kind: k.Key, Commands: k.Value.Commands - commands, Statements: k.Value.Statements - statements, Time: k.Value.Time - time);
            })
            .Where(k => k.Commands > 0)
            .OrderByDescending(k => k.Time)
            .ToList();
        if (result.Skipped)
        {
            throw new InvalidOperationException("The round was skipped: another node holds the routing lock.");
        }

        await using var check = host.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        return new DatabaseFigures(
            host.Provider,
            roundMs,
            loadMs,
            result.Waiting,
            result.Assigned,
            result.Offered,
            await db.Set<WorkItem>().CountAsync(w => w.State == WorkItemState.Waiting),
            await db.Set<RoutingDecisionEntry>().CountAsync(d => d.RoundId == result.RoundId),
            await db.Set<AgentProfile>().CountAsync(a => a.ActiveCount > a.MaxConcurrentConversations),
            after.Statements - before.Statements,
            after.StatementTime - before.StatementTime,
            after.Commits - before.Commits,
            after.CommitTime - before.CommitTime)
        {
            Bare = bare,
            Handled = (
                await db.Set<Conversation>().CountAsync(c => c.AssignedAgentId != null),
                await db.Set<TimelineEntry>().CountAsync(e => e.Kind == TimelineKinds.Routed && e.AgentId != null),
                await db.Set<LeadsContact>().CountAsync(c => c.OwnerAgentId != null)),
            Kinds = kinds,
        };
    }

    public static void Print(DatabaseFigures figures, InMemoryFigures inMemory)
    {
        var memory = inMemory.Median;
        var placing = figures.RoundMs - figures.LoadMs;
        Console.WriteLine();
        Console.WriteLine(
            $"| Backlog round against the database ({figures.Provider}), same scenario, {(figures.Bare ? "work items alone (--bare)" : "with each item's conversation, contact and timeline")} | |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| full round, `BacklogRounds.RunAsync()` wall time | {figures.RoundMs:F0} ms |");
        Console.WriteLine($"| the same round in memory, this run (median of {InMemoryRounds.Runs}) | {memory.Ms:F0} ms |");
        Console.WriteLine($"| database ÷ in memory | {figures.RoundMs / memory.Ms:F1}× |");
        Console.WriteLine($"| assigned / left waiting (of {figures.Waiting:N0}) | {figures.Assigned:N0} / {figures.LeftWaiting:N0} (in memory: {memory.Assigned:N0} assigned) |");
        Console.WriteLine($"| of which loading the snapshot and the waiting rows (timed apart) | {figures.LoadMs:F0} ms |");
        Console.WriteLine($"| rest per assigned item (its own transaction, decision log, handlers) | {(figures.Assigned == 0 ? 0 : placing / figures.Assigned):F2} ms |");
        Console.WriteLine(
            $"| statements / commits in the round | {figures.Statements:N0} ({(double)figures.Statements / Math.Max(1, figures.Assigned):F1} per assigned item, {figures.StatementTime.TotalMilliseconds:F0} ms in the database) / {figures.Commits:N0} ({figures.CommitTime.TotalMilliseconds:F0} ms) |");
        Console.WriteLine($"| decisions logged by the round / agents over capacity | {figures.DecisionsLogged:N0} / {figures.AgentsOverCapacity} |");
        Console.WriteLine(
            $"| conversations assigned / routing lines with an agent / contacts with an owner, after the round | {figures.Handled.Conversations:N0} / {figures.Handled.TimelineLines:N0} / {figures.Handled.OwnedContacts:N0} |");
        Console.WriteLine();
        Console.WriteLine("| the round's commands by kind (PostgreSQL batches a save's statements into one command) | commands | statements | ms in the database |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (kind, commands, statements, time) in figures.Kinds)
        {
            Console.WriteLine($"| {kind} | {commands:N0} | {statements:N0} | {time.TotalMilliseconds:F0} |");
        }
    }

    private static async Task SeedWorkforceAsync(BenchHost host, Scenario scenario, DateTime now)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        foreach (var team in scenario.TeamList)
        {
            db.Add(NewTeam(team.Id, team.Name, scenario.ChannelAccountId, scenario.AgentList.Where(a => a.TeamId == team.Id).Select(a => a.UserId), now));
        }

        foreach (var product in scenario.ProductList)
        {
            db.Add(new Product { Id = product.Id, Name = product.Name, Slug = Slug(product.Name), TeamId = product.TeamId, CreatedAt = now });
        }

        foreach (var agent in scenario.AgentList)
        {
            db.Add(new AgentProfile
            {
                UserId = agent.UserId,
                Presence = agent.Presence,
                PresenceChangedAt = agent.PresenceChangedAt,
                MaxConcurrentConversations = Scenario.Capacity,
                ActiveCount = agent.ActiveCount,
                LastAssignedAt = agent.LastAssignedAt,
                CreatedAt = now,
                Products = agent.ProductIds.Select(p => new AgentProduct { UserId = agent.UserId, ProductId = p }).ToList(),
            });
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// <see cref="WarmUpRounds"/> rounds on a team of its own (5 agents, 20 conversations each time, with their
    /// conversations, contacts and timelines unless <paramref name="bare"/>), then a pause, then all of it removed: the
    /// host's first queries and updates pay their compilation here, and tiered compilation recompiles what the round
    /// calls once per chunk or per item (after 30 calls, in the background), as a long-running node has long done; not
    /// in the measured round. With one warm-up round (before 2026-12-08) a CPU profile of the measured round found the
    /// JIT compiler in 40 % of the process's samples.
    /// </summary>
    private static async Task WarmUpAsync(BenchHost host, Scenario scenario, DateTime now, bool bare)
    {
        var teamId = Guid.CreateVersion7();
        var productId = Guid.CreateVersion7();
        var channelId = Guid.CreateVersion7();
        var agents = Enumerable.Range(0, 5).Select(_ => Guid.CreateVersion7()).ToList();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
            db.Add(NewTeam(teamId, "Warm-up", channelId, agents, now));
            db.Add(new Product { Id = productId, Name = "Warm-up", Slug = "warm-up", TeamId = teamId, CreatedAt = now });
            db.AddRange(agents.Select(id => new AgentProfile
            {
                UserId = id,
                Presence = AgentPresence.Available,
                PresenceChangedAt = now,
                CreatedAt = now,
                Products = [new AgentProduct { UserId = id, ProductId = productId }],
            }));
            await db.SaveChangesAsync();
        }

        var arrivals = bare ? null : new Arrivals(scenario);
        for (var round = 0; round < WarmUpRounds; round++)
        {
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
                await db.Set<AgentProfile>().Where(a => agents.Contains(a.UserId)).ExecuteUpdateAsync(s => s.SetProperty(a => a.ActiveCount, 0));
                for (var i = 0; i < 20; i++)
                {
                    var item = NewItem(new BenchItem(Guid.CreateVersion7(), Guid.CreateVersion7(), productId, teamId, now.AddSeconds(-i)), channelId);
                    db.Add(item);
                    arrivals?.Add(db, item, Scenario.Waiting + (round * 20) + i);
                }

                await db.SaveChangesAsync();
            }

            var warm = await host.Services.GetRequiredService<BacklogRounds>().RunAsync();
            if (warm.Assigned != 20)
            {
                throw new InvalidOperationException($"Warm-up round {round} assigned {warm.Assigned} of 20.");
            }
        }

        // Tier-1 recompilation runs on a background thread after the calls that asked for it.
        await Task.Delay(TimeSpan.FromSeconds(2));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
            var contactIds = await db.Set<WorkItem>().Where(w => w.TeamId == teamId).Select(w => w.ContactId).ToListAsync();
            await db.Set<TimelineEntry>().Where(e => contactIds.Contains(e.ContactId)).ExecuteDeleteAsync();
            await db.Set<Conversation>().Where(c => contactIds.Contains(c.ContactId)).ExecuteDeleteAsync();
            await db.Set<LeadsContact>().Where(c => contactIds.Contains(c.Id)).ExecuteDeleteAsync();
            await db.Set<RoutingDecisionEntry>().Where(d => d.TeamId == teamId).ExecuteDeleteAsync();
            await db.Set<WorkItem>().Where(w => w.TeamId == teamId).ExecuteDeleteAsync();
            await db.Set<AgentProduct>().Where(p => p.ProductId == productId).ExecuteDeleteAsync();
            await db.Set<AgentProfile>().Where(a => agents.Contains(a.UserId)).ExecuteDeleteAsync();
            await db.Set<TeamMember>().Where(m => m.TeamId == teamId).ExecuteDeleteAsync();
            await db.Set<TeamChannelAccount>().Where(c => c.TeamId == teamId).ExecuteDeleteAsync();
            await db.Set<Product>().Where(p => p.Id == productId).ExecuteDeleteAsync();
            await db.Set<Team>().Where(t => t.Id == teamId).ExecuteDeleteAsync();
        }
    }

    /// <summary>
    /// The 10,000 waiting conversations, in batches, each with what the inbox and its routing stored when it arrived and
    /// nobody could take it (unless <paramref name="bare"/>: the work items alone, as the bench stored them before
    /// 2026-12-08): the contact (Leads; the work item's ContactId), the conversation (Conversations; its SubjectId),
    /// the contact's two timeline lines (the arrival, the backlog decision) and the decision log row of that backlog
    /// decision. Rows the round never reads (the message, the inbox row) are left out. On PostgreSQL the tables are
    /// then analysed, as autovacuum would soon after.
    /// </summary>
    private static async Task SeedWaitingAsync(BenchHost host, Scenario scenario, bool bare)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        var arrival = bare ? null : new Arrivals(scenario);
        var number = 0;
        foreach (var chunk in scenario.Items.Chunk(Batch))
        {
            foreach (var each in chunk)
            {
                var item = NewItem(each, scenario.ChannelAccountId);
                db.Add(item);
                arrival?.Add(db, item, number++);
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        }
    }

    private static Team NewTeam(Guid id, string name, Guid channelAccountId, IEnumerable<Guid> members, DateTime now) => new()
    {
        Id = id,
        Name = name,
        NormalizedName = Team.Normalize(name),
        RoutingMode = TeamRoutingMode.Auto,
        CreatedAt = now,
        Members = members.Select(m => new TeamMember { TeamId = id, UserId = m }).ToList(),
        ChannelAccounts = [new TeamChannelAccount { TeamId = id, ChannelAccountId = channelAccountId }],
    };

    /// <summary>A conversation that arrived when nobody could take it, as RouteOpenedConversation stores it.</summary>
    private static WorkItem NewItem(BenchItem item, Guid channelAccountId) => new()
    {
        Kind = WorkItemKind.Conversation,
        SubjectId = item.ConversationId,
        ContactId = item.ContactId,
        ChannelAccountId = channelAccountId,
        ProductId = item.ProductId,
        TeamId = item.TeamId,
        State = WorkItemState.Waiting,
        WaitingSince = item.WaitingSince,
        Version = 1,
        CreatedAt = item.WaitingSince,
    };

    private static string Slug(string name) => name.ToLowerInvariant().Replace(' ', '-');
}
