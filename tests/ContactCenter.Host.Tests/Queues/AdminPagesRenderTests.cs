using System.Globalization;
using System.Net;
using System.Security.Claims;
using ContactCenter.Host.Access;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Identity.Contracts;
using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Ui;
using ContactCenter.Queues.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
        var html = await RenderAsync<TeamsPage>("admin", "pt-BR");

        Assert.Equal(2, Count(html, "data-testid=\"team-row\""));
        Assert.Contains("Equipes", html, StringComparison.Ordinal);
        Assert.Contains("Bolsão", html, StringComparison.Ordinal);
        Assert.Contains("Ana Atendente", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_products_and_agents_pages_list_the_demo_data_in_english()
    {
        var products = await RenderAsync<ProductsPage>("admin", "en");
        var agents = await RenderAsync<AgentsPage>("admin", "en");

        Assert.Equal(3, Count(products, "data-testid=\"product-row\""));
        Assert.Contains("residencial-jardim-das-flores", products, StringComparison.Ordinal);
        Assert.Equal(4, Count(agents, "data-testid=\"agent-row\""));
        Assert.Contains("<th>Capacity</th>", agents, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_presence_switch_shows_for_agents_and_not_for_admins()
    {
        var forAgent = await RenderAsync<PresenceSwitch>("ana", "pt-BR");
        var forAdmin = await RenderAsync<PresenceSwitch>("admin", "pt-BR");

        Assert.Contains("data-testid=\"presence-switch\"", forAgent, StringComparison.Ordinal);
        Assert.Contains("Disponível", forAgent, StringComparison.Ordinal);
        Assert.DoesNotContain("presence-switch", forAdmin, StringComparison.Ordinal);
    }

    private static int Count(string html, string marker) =>
        (html.Length - html.Replace(marker, string.Empty, StringComparison.Ordinal).Length) / marker.Length;

    private async Task<string> RenderAsync<TComponent>(string userName, string culture)
        where TComponent : IComponent
    {
        using var scope = Host.Services.CreateScope();
        var user = (await scope.ServiceProvider.GetRequiredService<IIdentityApi>().FindUserByNameAsync(userName, default))!;
        var principal = Principals.ForUser(user.Id, user.DisplayName, user.Role, "stamp", "test");
        var services = new ServiceCollection()
            .AddLogging()
            .AddLocalization()
            .AddSingleton<IUseCases>(new UseCasesAs(Host.Services, principal))
            .BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            // Decoded, so assertions read as people do (the encoder escapes accents).
            return WebUtility.HtmlDecode((await renderer.RenderComponentAsync<TComponent>()).ToHtmlString());
        });
    }

    /// <summary>What the UI shell's IUseCases does: a fresh scope whose current user is the circuit's user.</summary>
    private sealed class UseCasesAs(IServiceProvider root, ClaimsPrincipal principal) : IUseCases
    {
        public async Task<TResult> RunAsync<THandler, TResult>(Func<THandler, Task<TResult>> action)
            where THandler : notnull
        {
            await using var scope = root.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = principal;
            return await action(scope.ServiceProvider.GetRequiredService<THandler>());
        }
    }
}

public sealed class AdminPagesRenderTestsOnSqlite() : AdminPagesRenderTests(DatabaseKind.Sqlite);

public sealed class AdminPagesRenderTestsOnPostgres() : AdminPagesRenderTests(DatabaseKind.Postgres);
