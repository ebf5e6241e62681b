using System.Net;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Templates.Contracts;
using ContactCenter.Templates.Usage;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Templates;

/// <summary>
/// The usage report as supervisors download it: a CSV with a header row and the names of the channel account, team and
/// agent, narrowed by the page's filters; agents and strangers cannot read it.
/// </summary>
public abstract class TemplateUsageReportTests(DatabaseKind kind) : HostTest(kind)
{
    private static readonly DateTime Day = new(2026, 12, 1, 14, 0, 0, DateTimeKind.Utc);

    private async Task<(Guid Account, Guid Team, Guid Ana, Guid Bruno)> ArrangeSendsAsync()
    {
        var account = await Host.CreateSandboxChannelAsync("Vendas, São Paulo");
        var team = await Host.CreateTeamAsync("Comercial \"Norte\"");
        var ana = await Host.CreateUserAsync("ana", "agent", "=Ana Atendente");
        var bruno = await Host.CreateUserAsync("bruno", "agent", "Bruno");
        var template = Guid.NewGuid();
        var first = new TemplateMessageSent(Guid.NewGuid(), template, Guid.NewGuid(), account, ana, team, Day);
        await PublishAsync(first);
        await PublishAsync(first with { MessageId = Guid.NewGuid(), SentAt = Day.AddHours(2) });
        await PublishAsync(first with { MessageId = Guid.NewGuid(), AgentId = bruno });
        await PublishAsync(first with { MessageId = Guid.NewGuid(), AgentId = null, TeamId = null, SentAt = Day.AddDays(1) });
        await PublishAsync(first with { MessageId = Guid.NewGuid(), SentAt = Day.AddDays(40) }); // outside the period asked
        return (account, team, ana, bruno);
    }

    [Fact]
    public async Task The_csv_has_a_header_row_the_names_quoted_and_one_line_per_day_agent_team_and_channel()
    {
        var (account, team, ana, bruno) = await ArrangeSendsAsync();

        var response = await Host.CreateAdminClient().GetAsync("/api/v1/reports/template-usage?from=2026-12-01&to=2026-12-02&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("uso-de-modelos_2026-12-01_2026-12-02.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("day,channelAccountId,channelAccount,teamId,team,agentId,agent,count", lines[0]);
        // A name starting with '=' is kept as text for spreadsheets; commas and quotes are quoted as RFC 4180 says.
        string[] expected =
        [
            $"2026-12-01,{account},\"Vendas, São Paulo\",{team},\"Comercial \"\"Norte\"\"\",{ana},'=Ana Atendente,2",
            $"2026-12-01,{account},\"Vendas, São Paulo\",{team},\"Comercial \"\"Norte\"\"\",{bruno},Bruno,1",
            $"2026-12-02,{account},\"Vendas, São Paulo\",,,,,1",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), lines[1..].Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_csv_follows_the_team_agent_and_channel_filters()
    {
        var (account, team, ana, _) = await ArrangeSendsAsync();
        var admin = Host.CreateAdminClient();
        const string period = "from=2026-12-01&to=2026-12-31&format=csv";

        var byAgent = await admin.GetStringAsync($"/api/v1/reports/template-usage?{period}&agentId={ana}");
        var byTeam = await admin.GetStringAsync($"/api/v1/reports/template-usage?{period}&teamId={team}");
        var otherAccount = await admin.GetStringAsync($"/api/v1/reports/template-usage?{period}&channelAccountId={Guid.NewGuid()}");

        Assert.Equal([(ana.ToString(), "=Ana Atendente", "2")], Rows(byAgent).Select(r => (r[5], r[6].TrimStart('\''), r[^1])).ToList());
        Assert.Equal(2, Rows(byTeam).Count);
        Assert.All(Rows(byTeam), r => Assert.Equal(team.ToString(), r[3]));
        Assert.Equal("day,channelAccountId,channelAccount,teamId,team,agentId,agent,count\n", otherAccount);
        var json = (await admin.GetJsonAsync($"/api/v1/reports/template-usage?from=2026-12-02&to=2026-12-02&channelAccountId={account}")).AsArray();
        Assert.Equal(("Vendas, São Paulo", 1), ((string?)Assert.Single(json)!["channelAccountName"], (int)json[0]!["count"]!));
    }

    [Fact]
    public async Task Supervisors_and_admins_download_it_agents_and_strangers_cannot()
    {
        await ArrangeSendsAsync();
        await Host.CreateUserAsync("sofia", "supervisor", "Sofia");
        const string csv = "/api/v1/reports/template-usage?from=2026-12-01&to=2026-12-02&format=csv";

        var supervisor = await (await Host.LoginAsync("sofia", Arrange.Password)).GetAsync(csv);
        var agent = await Host.LoginAsync("ana", Arrange.Password);
        var agentCsv = await agent.GetAsync(csv);
        var agentJson = await agent.GetAsync("/api/v1/reports/template-usage");
        var anonymous = await Host.CreateClient().GetAsync(csv);

        Assert.Equal(HttpStatusCode.OK, supervisor.StatusCode);
        Assert.StartsWith("day,channelAccountId", await supervisor.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (agentCsv.StatusCode, agentJson.StatusCode));
        Assert.DoesNotContain("Ana", await agentCsv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_or_is_longer_than_a_year_is_refused()
    {
        var admin = Host.CreateAdminClient();

        var backwards = await admin.GetAsync("/api/v1/reports/template-usage?from=2026-12-10&to=2026-12-01&format=csv");
        var tooLong = await admin.GetAsync("/api/v1/reports/template-usage?from=2024-01-01&to=2026-12-01");

        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        var problem = await backwards.ReadJsonAsync();
        Assert.Equal("validation_failed", (string?)problem["code"]);
        Assert.NotNull(problem["errors"]!["to"]);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.NotNull((await tooLong.ReadJsonAsync())["errors"]!["from"]);
    }

    [Fact]
    public async Task The_template_list_shows_how_often_each_template_was_billed()
    {
        var account = await Host.CreateSandboxChannelAsync("Sandbox");
        var (created, template) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/templates", new
        {
            channelAccountId = account,
            name = "retomada_atendimento",
            language = "pt_BR",
            category = "utility",
            body = "Olá {{1}}, podemos continuar seu atendimento hoje?",
            bodyExamples = new[] { "Maria" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = Guid.Parse((string)template["id"]!);
        var now = Host.Clock.GetUtcNow().UtcDateTime;
        var sent = new TemplateMessageSent(Guid.NewGuid(), id, Guid.NewGuid(), account, null, null, now.AddDays(-40));
        await PublishAsync(sent);
        await PublishAsync(sent with { MessageId = Guid.NewGuid(), SentAt = now.AddDays(-1) });

        var usage = Assert.Single((await Host.CreateAdminClient().GetJsonAsync("/api/v1/templates")).AsArray())!["usage"]!;

        Assert.Equal((2, 1), ((int)usage["total"]!, (int)usage["last30Days"]!));
        Assert.Equal(now.AddDays(-1), ((DateTime)usage["lastSentAt"]!).ToUniversalTime(), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void A_cell_is_quoted_when_needed_and_a_formula_is_kept_as_text()
    {
        Assert.Equal(("Bruno", "\"a, b\"", "'=SOMA(A1)", "\"'+1, \"\"x\"\"\"", string.Empty), (
            GetTemplateUsage.Cell("Bruno"), GetTemplateUsage.Cell("a, b"), GetTemplateUsage.Cell("=SOMA(A1)"),
            GetTemplateUsage.Cell("+1, \"x\""), GetTemplateUsage.Cell(null)));
    }

    /// <summary>The data lines, read as a spreadsheet would (quotes removed, the formula guard left in place).</summary>
    private static List<string[]> Rows(string csv) =>
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(Cells).ToList();

    private static string[] Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            switch (line[i])
            {
                case '"' when quoted && i + 1 < line.Length && line[i + 1] == '"':
                    cell.Append('"');
                    i++;
                    break;
                case '"':
                    quoted = !quoted;
                    break;
                case ',' when !quoted:
                    cells.Add(cell.ToString());
                    cell.Clear();
                    break;
                default:
                    cell.Append(line[i]);
                    break;
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }

    private async Task PublishAsync(TemplateMessageSent sent)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IDomainEvents>().Raise(sent);
        await scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>().SaveChangesAsync();
    }
}

public sealed class TemplateUsageReportTestsOnSqlite() : TemplateUsageReportTests(DatabaseKind.Sqlite);

public sealed class TemplateUsageReportTestsOnPostgres() : TemplateUsageReportTests(DatabaseKind.Postgres);
