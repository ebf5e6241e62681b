using System.Net;
using System.Text.Json.Nodes;
using ContactCenter.Host.Tests.Inbound;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;

namespace ContactCenter.Host.Tests.Operations;

/// <summary>
/// The "Operação" figures (<c>GET /api/v1/operations/overview</c>) after real traffic: a contact writes, routing places
/// the conversation, the agent answers later; and a supervisor sees the figures of their own teams only.
/// </summary>
public abstract class OverviewTests(DatabaseKind kind) : InboundTest(kind)
{
    [Fact]
    public async Task A_message_in_and_a_reply_90_seconds_later_show_as_rates_queue_and_first_response()
    {
        var account = await CreateAccountAsync();
        var (ana, _) = await AgentAsync("ana", account);
        var conversation = await ConversationAsync(account, "wamid.overview-in");
        Host.Clock.Advance(TimeSpan.FromSeconds(90));
        var (replied, _) = await ana.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "Olá! Posso ajudar?" });
        Assert.Equal(HttpStatusCode.Accepted, replied.StatusCode);
        await SendAllAsync();

        var overview = await Host.CreateAdminClient().GetJsonAsync("/api/v1/operations/overview?minutes=5");

        var points = overview["messages"]!.AsArray();
        Assert.Equal((30, 10), (points.Count, (int)overview["bucketSeconds"]!));
        Assert.Equal((1, 1), (points.Sum(p => (int)p!["inbound"]!), points.Sum(p => (int)p!["outbound"]!)));
        // The contact wrote 90 s ago (outside the last minute's rate); the reply is this minute's: 1 message / 60 s.
        Assert.Equal(0.0, (double)overview["inboundPerSecond"]!);
        Assert.Equal(1.0 / 60, (double)overview["outboundPerSecond"]!, 6);
        Assert.Equal(1, (int)points[^1]!["outbound"]!);
        Assert.Equal(0.1, (double)points[^1]!["outboundPerSecond"]!, 6);
        var team = Assert.Single(overview["teams"]!.AsArray())!;
        Assert.Equal(("Comercial", 0L, 1L, 1, 90.0), ((string?)team["teamName"], (long)team["waiting"]!, (long)team["agentsAvailable"]!, (int)team["answered"]!, (double)team["firstResponseMedianSeconds"]!));
        var firstResponse = overview["firstResponse"]!;
        Assert.Equal((1, 90.0, 90.0), ((int)firstResponse["answered"]!, (double)firstResponse["medianSeconds"]!, (double)firstResponse["p90Seconds"]!));
        Assert.Equal([0, 1, 0, 0, 0], firstResponse["bands"]!.AsArray().Select(b => (int)b!["count"]!));
    }

    [Fact]
    public async Task A_supervisor_sees_the_figures_of_their_teams_only()
    {
        var sales = await CreateAccountAsync("Vendas");
        await AgentAsync("ana", sales, presence: "offline");
        var support = await Host.CreateTeamAsync("Suporte");
        var supervisor = await Host.CreateUserAsync("sofia", "supervisor");
        await Host.SetMembersAsync(support, supervisor);
        // Nobody is available in Comercial: the contact's conversation waits there.
        await ConversationAsync(sales, "wamid.overview-waiting");

        var admin = await Host.CreateAdminClient().GetJsonAsync("/api/v1/operations/overview");
        var own = await (await Host.LoginAsync("sofia", Arrange.Password)).GetJsonAsync("/api/v1/operations/overview");

        Assert.Equal([("Comercial", 1L), ("Suporte", 0L)], Waiting(admin));
        Assert.Equal(1, Inbound(admin));
        Assert.Equal([("Suporte", 0L)], Waiting(own));
        Assert.Equal(0, Inbound(own));
    }

    [Fact]
    public async Task A_span_out_of_range_is_a_problem_and_agents_are_not_served()
    {
        var account = await CreateAccountAsync();
        var (ana, _) = await AgentAsync("ana", account);

        var wrong = await Host.CreateAdminClient().GetAsync("/api/v1/operations/overview?minutes=0");
        var problem = await wrong.ReadJsonAsync();
        var agent = await ana.GetAsync("/api/v1/operations/overview");

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("validation_failed", (string?)problem["code"]);
        Assert.NotNull(problem["errors"]?["minutes"]);
        Assert.Equal(HttpStatusCode.Forbidden, agent.StatusCode);
    }

    private static List<(string?, long)> Waiting(JsonNode overview) =>
        [.. overview["teams"]!.AsArray().Select(t => ((string?)t!["teamName"], (long)t["waiting"]!))];

    private static int Inbound(JsonNode overview) => overview["messages"]!.AsArray().Sum(p => (int)p!["inbound"]!);
}

public sealed class OverviewTestsOnSqlite() : OverviewTests(DatabaseKind.Sqlite);

public sealed class OverviewTestsOnPostgres() : OverviewTests(DatabaseKind.Postgres);
