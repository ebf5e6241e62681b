using System.Net;
using Autofac;
using ContactCenter.Host.Access;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Agents;
using ContactCenter.Queues.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Queues;

public abstract class AgentsApiTests(DatabaseKind kind) : HostTest(kind)
{
    [Fact]
    public async Task Agents_and_supervisors_get_a_routing_profile_when_their_user_is_created()
    {
        await Host.CreateUserAsync("ana", "agent", "Ana Atendente");
        await Host.CreateUserAsync("sofia", "supervisor", "Sofia Supervisora");
        await Host.CreateUserAsync("root", "admin", "Root");

        var agents = (await Host.CreateAdminClient().GetJsonAsync("/api/v1/agents")).AsArray();

        Assert.Equal(["Ana Atendente", "Sofia Supervisora"], agents.Select(a => (string?)a!["displayName"]));
        Assert.All(agents, a =>
        {
            Assert.Equal("offline", (string?)a!["presence"]);
            Assert.Equal(5, (int)a["maxConcurrentConversations"]!);
            Assert.True((bool)a["isActive"]!);
        });
    }

    [Fact]
    public async Task An_agent_sets_their_own_presence_but_not_a_colleagues()
    {
        var ana = await Host.CreateUserAsync("ana", "agent");
        var bruno = await Host.CreateUserAsync("bruno", "agent");
        var client = await Host.LoginAsync("ana", Arrange.Password);
        Host.Clock.Advance(TimeSpan.FromMinutes(3));

        var (own, body) = await client.PutJsonAsync($"/api/v1/agents/{ana}/presence", new { presence = "available" });
        var (other, problem) = await client.PutJsonAsync($"/api/v1/agents/{bruno}/presence", new { presence = "available" });

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("available", (string?)body["presence"]);
        Assert.Equal(Host.Clock.GetUtcNow().UtcDateTime, (DateTime)body["presenceChangedAt"]!);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("forbidden", (string?)problem["code"]);
        var me = await client.GetJsonAsync("/api/v1/agents/me");
        Assert.Equal("available", (string?)me["presence"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/agents/{bruno}")).StatusCode);
    }

    [Fact]
    public async Task A_supervisor_sets_the_presence_of_their_teams_agents()
    {
        var ana = await Host.CreateUserAsync("ana", "agent");
        var supervisor = await Host.CreateUserAsync("sofia", "supervisor");
        await Host.SetMembersAsync(await Host.CreateTeamAsync("Suporte"), ana, supervisor);
        var sofia = await Host.LoginAsync("sofia", Arrange.Password);

        var (response, body) = await sofia.PutJsonAsync($"/api/v1/agents/{ana}/presence", new { presence = "away" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("away", (string?)body["presence"]);
    }

    [Fact]
    public async Task Capacity_must_be_between_1_and_100_and_teams_are_not_set_here()
    {
        var ana = await Host.CreateUserAsync("ana", "agent");
        var admin = Host.CreateAdminClient();

        var (tooMany, problem) = await admin.PutJsonAsync($"/api/v1/agents/{ana}", new
        {
            maxConcurrentConversations = 101,
            teamIds = new[] { Guid.NewGuid() },
            productIds = new[] { Guid.NewGuid() },
        });
        var (zero, _) = await admin.PutJsonAsync($"/api/v1/agents/{ana}", new { maxConcurrentConversations = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("maxConcurrentConversations"));
        Assert.Contains("/members", (string?)errors["teamIds"]![0], StringComparison.Ordinal);
        Assert.True(errors.ContainsKey("productIds"));
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
    }

    [Fact]
    public async Task An_admin_sets_products_served_and_capacity_and_teams_show_on_the_profile()
    {
        var ana = await Host.CreateUserAsync("ana", "agent");
        var team = await Host.CreateTeamAsync("Comercial");
        var product = await Host.CreateProductAsync("Seminovos", team);
        await Host.SetMembersAsync(team, ana);
        var admin = Host.CreateAdminClient();

        var (response, agent) = await admin.PutJsonAsync($"/api/v1/agents/{ana}", new { maxConcurrentConversations = 8, productIds = new[] { product } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(8, (int)agent["maxConcurrentConversations"]!);
        Assert.Equal(product.ToString(), (string?)agent["productIds"]!.AsArray().Single());
        Assert.Equal(team.ToString(), (string?)agent["teamIds"]!.AsArray().Single());
        var anaClient = await Host.LoginAsync("ana", Arrange.Password);
        var (selfService, _) = await anaClient.PutJsonAsync($"/api/v1/agents/{ana}", new { maxConcurrentConversations = 50 });
        Assert.Equal(HttpStatusCode.Forbidden, selfService.StatusCode);
        Assert.Equal(8, (int)(await anaClient.GetJsonAsync("/api/v1/agents/me"))["maxConcurrentConversations"]!);
    }

    [Fact]
    public async Task A_deactivated_user_goes_offline_and_cannot_be_made_available()
    {
        var ana = await Host.CreateUserAsync("ana", "agent");
        var admin = Host.CreateAdminClient();
        await admin.PutJsonAsync($"/api/v1/agents/{ana}/presence", new { presence = "available" });

        await admin.PutJsonAsync($"/api/v1/users/{ana}", new { isActive = false });
        var profile = await admin.GetJsonAsync($"/api/v1/agents/{ana}");
        var (refused, problem) = await admin.PutJsonAsync($"/api/v1/agents/{ana}/presence", new { presence = "available" });

        Assert.False((bool)profile["isActive"]!);
        Assert.Equal("offline", (string?)profile["presence"]);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("agent_inactive", (string?)problem["code"]);
    }

    [Fact]
    public async Task Users_without_a_profile_get_404_from_me()
    {
        var response = await Host.CreateAdminClient().GetAsync("/api/v1/agents/me");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_presence_change_publishes_AgentPresenceChanged_once()
    {
        var ana = await Host.CreateUserAsync("ana", "agent");
        var recorder = new Recorder();
        await using var scope = Host.Services.GetRequiredService<ILifetimeScope>()
            .BeginLifetimeScope(b => b.RegisterInstance(recorder).As<IEventHandler<AgentPresenceChanged>>());
        scope.Resolve<CurrentUser>().Principal = Principals.ForUser(ana, "ana", Role.Agent, "stamp", "test");
        var handler = scope.Resolve<SetPresence.Handler>();

        await handler.HandleAsync(ana, new SetPresence.Request(AgentPresence.Available), default);
        await handler.HandleAsync(ana, new SetPresence.Request(AgentPresence.Available), default);

        var published = Assert.Single(recorder.Events);
        Assert.Equal(new AgentPresenceChanged(ana, AgentPresence.Offline, AgentPresence.Available, Host.Clock.GetUtcNow().UtcDateTime), published);
    }

    private sealed class Recorder : IEventHandler<AgentPresenceChanged>
    {
        public List<AgentPresenceChanged> Events { get; } = [];

        public Task HandleAsync(AgentPresenceChanged domainEvent, CancellationToken cancellationToken)
        {
            Events.Add(domainEvent);
            return Task.CompletedTask;
        }
    }
}

public sealed class AgentsApiTestsOnSqlite() : AgentsApiTests(DatabaseKind.Sqlite);

public sealed class AgentsApiTestsOnPostgres() : AgentsApiTests(DatabaseKind.Postgres);
