using ContactCenter.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.Ui.Tests;

/// <summary>The walk-through: the demo admin creates a team and an agent in it; the agent logs in and goes available.</summary>
public sealed class TeamsTests(UiFixture fixture) : UiTest(fixture)
{
    [Fact]
    public Task An_admin_creates_a_team_and_an_agent_in_it_who_then_logs_in_and_goes_available() => InBrowserAsync(async page =>
    {
        await LogInAsync(page, "admin", UiHost.DemoPassword);
        await WaitInteractiveAsync(page);

        await page.GotoAsync("/admin/users");
        await WaitInteractiveAsync(page);
        await page.GetByTestId("user-username").FillAsync("diego");
        await page.GetByTestId("user-displayname").FillAsync("Diego Cobrança");
        await page.GetByTestId("user-password").FillAsync("diego-pass-1");
        await page.GetByTestId("user-role").SelectOptionAsync("Agent");
        await page.GetByTestId("user-save").ClickAsync();
        await Expect(page.Locator("[data-testid=user-row][data-username=diego]")).ToBeVisibleAsync();

        await page.GotoAsync("/admin/teams");
        await WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("team-row")).ToHaveCountAsync(2); // the demo teams Comercial and Suporte
        await page.GetByTestId("team-name").FillAsync("Cobrança");
        await page.GetByTestId("team-mode").SelectOptionAsync("Pool");
        await page.Locator("[data-testid=team-channel][data-channel='Sandbox (demonstração)']").CheckAsync();
        await page.GetByTestId("team-save").ClickAsync();

        var members = page.GetByTestId("team-members");
        await Expect(members).ToBeVisibleAsync();
        await members.Locator("label", new LocatorLocatorOptions { HasText = "Diego Cobrança" }).GetByTestId("team-member").CheckAsync();
        await page.GetByTestId("team-members-save").ClickAsync();
        var row = page.GetByTestId("team-row").Filter(new LocatorFilterOptions { HasText = "Cobrança" });
        await Expect(row).ToContainTextAsync("Diego Cobrança");
        await ScreenshotAsync(page, "page-teams");

        await page.GetByTestId("logout").ClickAsync();
        await LogInAsync(page, "diego", "diego-pass-1");
        await WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("current-user")).ToHaveTextAsync("Diego Cobrança");
        await page.GetByTestId("presence-switch").SelectOptionAsync("Available");
        await Expect(page.GetByTestId("presence-current")).ToHaveTextAsync("Disponível");
        await ScreenshotAsync(page, "page-agent-inbox");

        await page.GotoAsync("/admin/teams");
        await Expect(page.GetByTestId("not-allowed")).ToBeVisibleAsync();
    });
}
