using System.Net;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Queues;

public abstract class TeamsApiTests(DatabaseKind kind) : HostTest(kind)
{
    [Fact]
    public async Task An_admin_creates_a_team_with_channel_accounts_and_reads_it_back()
    {
        var admin = Host.CreateAdminClient();
        var channel = await Host.CreateSandboxChannelAsync("Loja Centro");

        var (created, team) = await admin.PostJsonAsync("/api/v1/teams", new
        {
            name = "  Comercial ",
            description = "Vendas",
            routingMode = "pool",
            channelAccountIds = new[] { channel, channel },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Comercial", (string?)team["name"]);
        Assert.Equal("pool", (string?)team["routingMode"]);
        var read = await admin.GetJsonAsync($"/api/v1/teams/{team["id"]}");
        Assert.Equal(channel.ToString(), (string?)read["channelAccountIds"]!.AsArray().Single());
        Assert.Equal("Vendas", (string?)read["description"]);
    }

    [Fact]
    public async Task A_team_cannot_be_linked_to_a_channel_account_that_does_not_exist()
    {
        var missing = Guid.NewGuid();

        var (response, problem) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/teams", new
        {
            name = "Cobrança",
            channelAccountIds = new[] { missing },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(missing.ToString(), problem["errors"]!["channelAccountIds"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Team_names_are_unique_regardless_of_case()
    {
        await Host.CreateTeamAsync("Suporte");

        var (response, problem) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/teams", new { name = "SUPORTE" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("team_name_taken", (string?)problem["code"]);
    }

    [Fact]
    public async Task Invalid_fields_are_all_reported()
    {
        var (response, problem) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/teams", new
        {
            name = "",
            description = new string('x', 1001),
            channelAccountIds = new[] { Guid.Empty },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", (string?)problem["code"]);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("name"));
        Assert.True(errors.ContainsKey("description"));
        Assert.True(errors.ContainsKey("channelAccountIds"));
    }

    [Fact]
    public async Task Updating_changes_only_the_fields_sent()
    {
        var id = await Host.CreateTeamAsync("Vendas");
        var admin = Host.CreateAdminClient();

        var (response, team) = await admin.PutJsonAsync($"/api/v1/teams/{id}", new { routingMode = "pool" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Vendas", (string?)team["name"]);
        Assert.Equal("pool", (string?)team["routingMode"]);
    }

    [Fact]
    public async Task A_team_with_members_cannot_be_deleted_until_they_are_removed()
    {
        var ana = await Host.CreateUserAsync("ana", "agent", "Ana Atendente");
        var team = await Host.CreateTeamAsync("Comercial");
        await Host.SetMembersAsync(team, ana);
        var admin = Host.CreateAdminClient();

        var refused = await admin.DeleteAsync($"/api/v1/teams/{team}");
        var problem = await refused.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("team_has_members", (string?)problem["code"]);
        Assert.Contains("Comercial", (string?)problem["detail"], StringComparison.Ordinal);
        await Host.SetMembersAsync(team);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/teams/{team}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/teams/{team}")).StatusCode);
    }

    [Fact]
    public async Task Members_are_listed_with_their_names_and_only_agents_or_supervisors_may_join()
    {
        var ana = await Host.CreateUserAsync("ana", "agent", "Ana Atendente");
        var sofia = await Host.CreateUserAsync("sofia", "supervisor", "Sofia Supervisora");
        var root = await Host.CreateUserAsync("root", "admin");
        var team = await Host.CreateTeamAsync("Comercial");
        var admin = Host.CreateAdminClient();

        var (refused, problem) = await admin.PutJsonAsync($"/api/v1/teams/{team}/members", new { userIds = new[] { ana, root, Guid.NewGuid() } });
        var (ok, body) = await admin.PutJsonAsync($"/api/v1/teams/{team}/members", new { userIds = new[] { ana, sofia } });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(2, problem["errors"]!["userIds"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var members = body["members"]!.AsArray();
        Assert.Equal(["Ana Atendente", "Sofia Supervisora"], members.Select(m => (string?)m!["displayName"]));
        Assert.Equal(["agent", "supervisor"], members.Select(m => (string?)m!["role"]));
    }

    [Fact]
    public async Task Agents_read_only_their_own_teams_and_may_not_change_them()
    {
        var ana = await Host.CreateUserAsync("ana", "agent");
        var comercial = await Host.CreateTeamAsync("Comercial");
        var suporte = await Host.CreateTeamAsync("Suporte");
        await Host.SetMembersAsync(comercial, ana);
        var client = await Host.LoginAsync("ana", Arrange.Password);

        var teams = (await client.GetJsonAsync("/api/v1/teams")).AsArray();

        Assert.Equal("Comercial", (string?)teams.Single()!["name"]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/teams/{suporte}")).StatusCode);
        var (forbidden, _) = await client.PutJsonAsync($"/api/v1/teams/{comercial}", new { name = "Mine" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Supervisors_read_every_team()
    {
        await Host.CreateUserAsync("sofia", "supervisor");
        await Host.CreateTeamAsync("Comercial");
        await Host.CreateTeamAsync("Suporte");
        var client = await Host.LoginAsync("sofia", Arrange.Password);

        var teams = (await client.GetJsonAsync("/api/v1/teams")).AsArray();

        Assert.Equal(["Comercial", "Suporte"], teams.Select(t => (string?)t!["name"]));
    }
}

public sealed class TeamsApiTestsOnSqlite() : TeamsApiTests(DatabaseKind.Sqlite);

public sealed class TeamsApiTestsOnPostgres() : TeamsApiTests(DatabaseKind.Postgres);
