using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Queues.Ui;

namespace ContactCenter.Host.Tests.Queues;

/// <summary>
/// Renders the Queues pages to HTML over the real handlers and the demo data (no browser: the shell that
/// hosts them is built elsewhere). Catches pages that throw, show nothing, or miss their translations.
/// </summary>
public abstract class AdminPagesRenderTests(DatabaseKind kind) : HostTest(kind)
{
    protected override bool SeedDemoData => true;

    [Fact]
    public async Task The_teams_page_lists_the_demo_teams_in_portuguese()
    {
        var html = await Host.RenderAsync<TeamsPage>("admin", "pt-BR");

        Assert.Equal(2, Count(html, "data-testid=\"team-row\""));
        Assert.Contains("Equipes", html, StringComparison.Ordinal);
        Assert.Contains("Bolsão", html, StringComparison.Ordinal);
        Assert.Contains("Ana Atendente", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_products_and_agents_pages_list_the_demo_data_in_english()
    {
        var products = await Host.RenderAsync<ProductsPage>("admin", "en");
        var agents = await Host.RenderAsync<AgentsPage>("admin", "en");

        Assert.Equal(3, Count(products, "data-testid=\"product-row\""));
        Assert.Contains("residencial-jardim-das-flores", products, StringComparison.Ordinal);
        Assert.Equal(4, Count(agents, "data-testid=\"agent-row\""));
        Assert.Contains("<th>Capacity</th>", agents, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_presence_switch_shows_for_agents_and_not_for_admins()
    {
        var forAgent = await Host.RenderAsync<PresenceSwitch>("ana", "pt-BR");
        var forAdmin = await Host.RenderAsync<PresenceSwitch>("admin", "pt-BR");

        Assert.Contains("data-testid=\"presence-switch\"", forAgent, StringComparison.Ordinal);
        Assert.Contains("Disponível", forAgent, StringComparison.Ordinal);
        Assert.DoesNotContain("presence-switch", forAdmin, StringComparison.Ordinal);
    }

    private static int Count(string html, string marker) =>
        (html.Length - html.Replace(marker, string.Empty, StringComparison.Ordinal).Length) / marker.Length;
}

public sealed class AdminPagesRenderTestsOnSqlite() : AdminPagesRenderTests(DatabaseKind.Sqlite);

public sealed class AdminPagesRenderTestsOnPostgres() : AdminPagesRenderTests(DatabaseKind.Postgres);
