using System.Net;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using ContactCenter.Kernel.Data;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Conversations;

/// <summary>
/// Comercial: ana and bruno (agents), sofia (supervisor). Suporte: carla. One conversation of each kind the
/// rule distinguishes; each role must see exactly its share, through the list and the detail.
/// </summary>
public abstract class ConversationVisibilityTests(DatabaseKind kind) : HostTest(kind)
{
    private Guid _ana;
    private Guid _comercialPool;
    private Guid _comercialAna;
    private Guid _suportePool;
    private Guid _suporteAna;
    private Guid _noTeam;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _ana = await Host.CreateUserAsync("ana", "agent");
        var bruno = await Host.CreateUserAsync("bruno", "agent");
        var carla = await Host.CreateUserAsync("carla", "agent");
        var sofia = await Host.CreateUserAsync("sofia", "supervisor");
        var comercial = await Host.CreateTeamAsync("Comercial");
        var suporte = await Host.CreateTeamAsync("Suporte", "pool");
        await Host.SetMembersAsync(comercial, _ana, bruno, sofia);
        await Host.SetMembersAsync(suporte, carla);

        _comercialPool = Insert("Comercial pool", comercial, null, minutesAgo: 1);
        _comercialAna = Insert("Comercial ana", comercial, _ana, minutesAgo: 2);
        _suportePool = Insert("Suporte pool", suporte, null, minutesAgo: 3);
        _suporteAna = Insert("Suporte ana", suporte, _ana, minutesAgo: 4);
        _noTeam = Insert("No team", null, null, minutesAgo: 5);
        await SaveAsync();
    }

    [Fact]
    public async Task An_agent_sees_their_own_plus_their_teams_unassigned()
    {
        Assert.Equal([_comercialPool, _comercialAna, _suporteAna], await VisibleToAsync(await Host.LoginAsync("ana", Arrange.Password)));
        Assert.Equal([_comercialPool], await VisibleToAsync(await Host.LoginAsync("bruno", Arrange.Password)));
        Assert.Equal([_suportePool], await VisibleToAsync(await Host.LoginAsync("carla", Arrange.Password)));
    }

    [Fact]
    public async Task A_supervisor_sees_every_conversation_of_their_teams()
    {
        Assert.Equal([_comercialPool, _comercialAna], await VisibleToAsync(await Host.LoginAsync("sofia", Arrange.Password)));
    }

    [Fact]
    public async Task An_admin_sees_all_and_agent_or_supervisor_api_keys_see_nothing()
    {
        var admin = Host.CreateAdminClient();
        var agentKey = await CreateApiKeyAsync(admin, "agent");
        var supervisorKey = await CreateApiKeyAsync(admin, "supervisor");

        Assert.Equal([_comercialPool, _comercialAna, _suportePool, _suporteAna, _noTeam], await VisibleToAsync(admin));
        Assert.Empty(await VisibleToAsync(Host.CreateApiKeyClient(agentKey)));
        Assert.Empty(await VisibleToAsync(Host.CreateApiKeyClient(supervisorKey)));
    }

    [Fact]
    public async Task A_conversation_one_may_not_see_is_404_like_one_that_does_not_exist()
    {
        var bruno = await Host.LoginAsync("bruno", Arrange.Password);

        var hidden = await bruno.GetAsync($"/api/v1/conversations/{_comercialAna}");
        var missing = await bruno.GetAsync($"/api/v1/conversations/{Guid.NewGuid()}");
        var visible = await bruno.GetJsonAsync($"/api/v1/conversations/{_comercialPool}");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal((await missing.ReadJsonAsync())["detail"]?.ToString(), (await hidden.ReadJsonAsync())["detail"]?.ToString());
        Assert.Equal("Comercial pool", (string?)visible["contact"]!["name"]);
        Assert.Equal("awaitingAgent", (string?)visible["status"]);
    }

    [Fact]
    public async Task A_reassignment_changes_who_sees_it()
    {
        var bruno = await Host.LoginAsync("bruno", Arrange.Password);
        Assert.DoesNotContain(_comercialAna, await VisibleToAsync(bruno));

        using (var scope = Host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
            var conversation = await db.Set<Conversation>().FindAsync(_comercialAna);
            conversation!.ApplyRouting(null, null, Host.Clock.GetUtcNow().UtcDateTime, null); // back to the pool, as routing says
            await db.SaveChangesAsync();
        }

        Assert.Contains(_comercialAna, await VisibleToAsync(bruno));
    }

    private static async Task<string> CreateApiKeyAsync(HttpClient admin, string role)
    {
        var (response, body) = await admin.PostJsonAsync("/api/v1/api-keys", new { name = $"crm-{role}", role });
        response.EnsureSuccessStatusCode();
        return (string)body["key"]!;
    }

    private static async Task<List<Guid>> VisibleToAsync(HttpClient client)
    {
        var page = await client.GetJsonAsync("/api/v1/conversations");
        return page["items"]!.AsArray().Select(i => Guid.Parse((string)i!["id"]!)).ToList();
    }

    private readonly List<Conversation> _pending = [];

    private Guid Insert(string contactName, Guid? teamId, Guid? agentId, int minutesAgo)
    {
        var at = Host.Clock.GetUtcNow().UtcDateTime.AddMinutes(-minutesAgo);
        var conversation = new Conversation
        {
            ContactId = Guid.NewGuid(),
            ContactName = contactName,
            ContactPhone = "5511999990000",
            ChannelAccountId = Guid.NewGuid(),
            TeamId = teamId,
            Status = ConversationStatus.AwaitingAgent,
            CreatedAt = at,
            LastMessageAt = at,
        };
        conversation.ApplyRouting(teamId, agentId, at, null); // what routing would have copied
        conversation.Status = ConversationStatus.AwaitingAgent;
        _pending.Add(conversation);
        return conversation.Id;
    }

    private async Task SaveAsync()
    {
        using var scope = Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        db.Set<Conversation>().AddRange(_pending);
        await db.SaveChangesAsync();
    }
}

public sealed class ConversationVisibilityTestsOnSqlite() : ConversationVisibilityTests(DatabaseKind.Sqlite);

public sealed class ConversationVisibilityTestsOnPostgres() : ConversationVisibilityTests(DatabaseKind.Postgres);
