using System.Net;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;

namespace ContactCenter.Host.Tests.Security;

/// <summary>
/// Issue 13, finding 4: a supervisor runs their own teams. Another team's agents are not theirs to read or to move,
/// and users and channel accounts are the admin's business.
/// </summary>
public sealed class SupervisorScopeTests() : HostTest(DatabaseKind.Sqlite)
{
    private async Task<(Guid Ana, Guid Bruno, HttpClient Sofia)> TwoTeamsAsync()
    {
        var teamA = await Host.CreateTeamAsync("Time A");
        var teamB = await Host.CreateTeamAsync("Time B");
        var ana = await Host.CreateUserAsync("ana", "agent");
        var bruno = await Host.CreateUserAsync("bruno", "agent");
        var sofia = await Host.CreateUserAsync("sofia", "supervisor");
        await Host.SetMembersAsync(teamA, ana);
        await Host.SetMembersAsync(teamB, bruno, sofia);
        return (ana, bruno, await Host.LoginAsync("sofia", Arrange.Password));
    }

    [Fact]
    public async Task A_supervisor_changes_the_presence_of_their_own_teams_agents_only()
    {
        var (ana, bruno, sofia) = await TwoTeamsAsync();

        var (other, _) = await sofia.PutJsonAsync($"/api/v1/agents/{ana}/presence", new { presence = "available" });
        var (own, _) = await sofia.PutJsonAsync($"/api/v1/agents/{bruno}/presence", new { presence = "available" });

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("offline", (string?)(await Host.CreateAdminClient().GetJsonAsync($"/api/v1/agents/{ana}"))["presence"]);
    }

    [Fact]
    public async Task A_supervisor_reads_their_own_teams_agents_only()
    {
        var (ana, bruno, sofia) = await TwoTeamsAsync();

        var listed = (await sofia.GetJsonAsync("/api/v1/agents")).AsArray().Select(a => Guid.Parse((string)a!["userId"]!)).ToList();
        var otherTeams = await sofia.GetAsync($"/api/v1/agents/{ana}");

        Assert.Contains(bruno, listed);
        Assert.DoesNotContain(ana, listed);
        Assert.Equal(HttpStatusCode.NotFound, otherTeams.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sofia.GetAsync($"/api/v1/agents/{bruno}")).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/users")]
    [InlineData("/api/v1/channel-accounts")]
    public async Task Users_and_channel_accounts_are_read_by_admins_only(string url)
    {
        var (ana, _, sofia) = await TwoTeamsAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await sofia.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sofia.GetAsync($"/api/v1/users/{ana}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Host.CreateAdminClient().GetAsync(url)).StatusCode);
    }
}
