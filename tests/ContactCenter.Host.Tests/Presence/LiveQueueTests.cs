using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using ContactCenter.Kernel.Data;
using ContactCenter.Queues.Routing;
using ContactCenter.Queues.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Presence;

/// <summary>
/// Comercial (ana, bruno; supervisor sofia) sells Jardim and Seminovos; Suporte (carla) has Técnico. Conversations
/// wait, are assigned or finished; the supervisor's live queue shows what waits where, for how long, and who carries what.
/// The scenario writes routing's work items only (no conversation rows): the queue counts what Queues owns.
/// </summary>
public abstract class LiveQueueTests(DatabaseKind kind) : HostTest(kind)
{
    private readonly List<WorkItem> _pending = [];
    private Guid _ana;
    private Guid _comercial;
    private Guid _jardim;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _ana = await Host.CreateUserAsync("ana", "agent", "Ana Atendente");
        var bruno = await Host.CreateUserAsync("bruno", "agent", "Bruno Vendedor");
        var carla = await Host.CreateUserAsync("carla", "agent", "Carla Suporte");
        var sofia = await Host.CreateUserAsync("sofia", "supervisor", "Sofia Supervisora");
        _comercial = await Host.CreateTeamAsync("Comercial");
        var suporte = await Host.CreateTeamAsync("Suporte", "pool");
        await Host.SetMembersAsync(_comercial, _ana, bruno, sofia);
        await Host.SetMembersAsync(suporte, carla);
        _jardim = await Host.CreateProductAsync("Jardim das Flores", _comercial);
        var seminovos = await Host.CreateProductAsync("Seminovos", _comercial);
        var tecnico = await Host.CreateProductAsync("Técnico", suporte);
        await Host.CreateAdminClient().PutJsonAsync($"/api/v1/agents/{_ana}/presence", new { presence = "available" });

        Insert(_comercial, _jardim, null, minutesAgo: 12);
        Insert(_comercial, _jardim, null, minutesAgo: 3);
        Insert(_comercial, seminovos, null, minutesAgo: 1);
        Insert(_comercial, _jardim, _ana, minutesAgo: 30);
        Insert(_comercial, _jardim, _ana, minutesAgo: 40, finished: true);
        Insert(_comercial, _jardim, null, minutesAgo: 50, finished: true);
        Insert(suporte, tecnico, null, minutesAgo: 125);
        Insert(suporte, tecnico, carla, minutesAgo: 5);
        Insert(null, null, null, minutesAgo: 7);
        await SaveAsync();
    }

    [Fact]
    public async Task An_admin_sees_every_team_waiting_per_product_with_the_oldest_wait_and_each_agents_load()
    {
        var queue = await Host.CreateAdminClient().GetJsonAsync("/api/v1/queue/live");

        var teams = queue["teams"]!.AsArray();
        Assert.Equal(["Suporte", "Comercial", null], teams.Select(t => (string?)t!["teamName"]));
        var comercial = teams[1]!;
        Assert.Equal(3, (int)comercial["waiting"]!);
        Assert.Equal(12 * 60, (int)comercial["oldestWaitSeconds"]!);
        var products = comercial["products"]!.AsArray();
        Assert.Equal(["Jardim das Flores", "Seminovos"], products.Select(p => (string?)p!["productName"]));
        Assert.Equal(2, (int)products[0]!["waiting"]!);
        Assert.Equal(60, (int)products[1]!["oldestWaitSeconds"]!);
        Assert.Equal(125 * 60, (int)teams[0]!["oldestWaitSeconds"]!);
        Assert.Equal(1, (int)teams[2]!["waiting"]!);

        var ana = Agent(queue, "Ana Atendente");
        Assert.Equal("available", (string?)ana["presence"]);
        Assert.Equal(1, (int)ana["openConversations"]!);
        Assert.Equal(5, (int)ana["maxConcurrentConversations"]!);
        Assert.Equal(1, (int)Agent(queue, "Carla Suporte")["openConversations"]!);
        Assert.Equal(0, (int)Agent(queue, "Bruno Vendedor")["openConversations"]!);
    }

    [Fact]
    public async Task A_supervisor_sees_their_teams_only_and_agents_may_not_look()
    {
        var sofia = await Host.LoginAsync("sofia", Arrange.Password);
        var ana = await Host.LoginAsync("ana", Arrange.Password);

        var queue = await sofia.GetJsonAsync("/api/v1/queue/live");
        var refused = await ana.GetAsync("/api/v1/queue/live");

        Assert.Equal(["Comercial"], queue["teams"]!.AsArray().Select(t => (string?)t!["teamName"]));
        // Agents only: the supervisor herself was listed as an agent (defect A8).
        Assert.Equal(
            ["Ana Atendente", "Bruno Vendedor"],
            queue["agents"]!.AsArray().Select(a => (string?)a!["displayName"]));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task The_page_shows_waits_as_minutes_and_agents_with_presence_and_load_in_portuguese()
    {
        Host.Clock.Advance(TimeSpan.FromSeconds(20));

        var html = await Host.RenderAsync<LiveQueuePage>("sofia", "pt-BR");

        Assert.Contains("Fila ao vivo", html, StringComparison.Ordinal);
        Assert.Matches(Across("data-team=\"Comercial\".*?<strong>3</strong>.*?<strong>12 min</strong>"), html);
        Assert.Matches(Across("data-product=\"Seminovos\".*?<td>1</td>\\s*<td>1 min</td>"), html);
        Assert.Matches(Across("data-agent=\"Ana Atendente\".*?Disponível.*?1 / 5"), html);
        Assert.Matches(Across("data-agent=\"Bruno Vendedor\".*?Offline.*?0 / 5"), html);
        Assert.DoesNotContain("Suporte", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_queue_says_nobody_is_waiting_and_long_waits_read_in_hours()
    {
        await Host.CreateUserAsync("root", "admin");
        var admin = await Host.RenderAsync<LiveQueuePage>("root", "en");
        Assert.Contains("Live queue", admin, StringComparison.Ordinal);
        Assert.Contains("2 h 05 min", admin, StringComparison.Ordinal);

        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
            // As routing finishes items: a conditional update, not a tracked save.
            await db.Set<WorkItem>().ExecuteUpdateAsync(u => u.SetProperty(w => w.State, WorkItemState.Done));
        }

        var empty = await Host.RenderAsync<LiveQueuePage>("root", "en");
        Assert.Contains("Nobody is waiting.", empty, StringComparison.Ordinal);
    }

    /// <summary>The pattern within one table row: <c>.*?</c> never runs on into the next row.</summary>
    private static Regex Across(string pattern) => new(pattern.Replace(".*?", "(?:(?!</tr>).)*?", StringComparison.Ordinal), RegexOptions.Singleline);

    private static JsonNode Agent(JsonNode queue, string name) =>
        queue["agents"]!.AsArray().Single(a => (string?)a!["displayName"] == name)!;

    private void Insert(Guid? teamId, Guid? productId, Guid? agentId, int minutesAgo, bool finished = false)
    {
        var at = Host.Clock.GetUtcNow().UtcDateTime.AddMinutes(-minutesAgo);
        _pending.Add(new WorkItem
        {
            Kind = WorkItemKind.Conversation,
            SubjectId = Guid.CreateVersion7(),
            ContactId = Guid.NewGuid(),
            TeamId = teamId,
            ProductId = productId,
            AssignedAgentId = agentId,
            AssignedAt = agentId is null ? null : at,
            // Unassigned ones as offered, not waiting: a backlog round (woken by ana's presence) must not move them meanwhile.
            State = finished ? WorkItemState.Done : agentId is null ? WorkItemState.Offered : WorkItemState.Assigned,
            CreatedAt = at,
            WaitingSince = at,
            Version = 1,
        });
    }

    private async Task SaveAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        db.Set<WorkItem>().AddRange(_pending);
        await db.SaveChangesAsync();
    }
}

public sealed class LiveQueueTestsOnSqlite() : LiveQueueTests(DatabaseKind.Sqlite);

public sealed class LiveQueueTestsOnPostgres() : LiveQueueTests(DatabaseKind.Postgres);
