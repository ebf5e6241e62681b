using ContactCenter.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.Ui.Tests;

/// <summary>
/// The supervisor watches the live queue while an agent, in her own browser, goes available and away: the page is pushed
/// each change (no 5-second poll any more; its only timer recounts waits once a minute), so it shows within a moment.
/// </summary>
public sealed class LiveQueueTests(UiFixture fixture) : UiTest(fixture)
{
    [Fact]
    public Task The_supervisor_sees_the_demo_agents_with_presence_and_load_and_the_page_follows_changes() => InBrowserAsync(async page =>
    {
        await LogInAsync(page, "supervisor", UiHost.DemoPassword);
        await WaitInteractiveAsync(page);
        await page.GetByTestId("nav-livequeue").ClickAsync();
        await Expect(page).ToHaveURLAsync(Fixture.BaseUrl + "/queue/live");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Fila ao vivo");

        var ana = page.Locator("[data-testid=live-agent][data-agent='Ana Atendente']");
        await Expect(ana.GetByTestId("live-agent-presence")).ToHaveTextAsync("Offline");
        await Expect(ana.GetByTestId("live-agent-load")).ToHaveTextAsync("0 / 5");
        await Expect(page.Locator("[data-testid=live-agent][data-agent='Bruno Corretor']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=live-agent][data-agent='Carla Suporte']")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("nobody-waiting")).ToBeVisibleAsync();

        // Ana logs in elsewhere and goes available: the open page shows it without a reload, pushed — well under the
        // 5 seconds the old poll took, and far under the minute of the recount, twice in a row.
        var browser = await Fixture.BrowserAsync();
        await using var anasContext = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Fixture.BaseUrl });
        var anasPage = await anasContext.NewPageAsync();
        await LogInAsync(anasPage, "ana", UiHost.DemoPassword);
        await WaitInteractiveAsync(anasPage);
        await anasPage.GetByTestId("presence-switch").SelectOptionAsync("Available");
        await Expect(anasPage.GetByTestId("presence-current")).ToHaveTextAsync("Disponível");

        var pushed = new LocatorAssertionsToHaveTextOptions { Timeout = 2_000 };
        await Expect(ana.GetByTestId("live-agent-presence")).ToHaveTextAsync("Disponível", pushed);
        await Expect(page.GetByTestId("live-updated")).ToContainTextAsync("Atualizada assim que algo muda");
        await ScreenshotAsync(page, "page-live-queue");

        await anasPage.GetByTestId("presence-switch").SelectOptionAsync("Away");
        await Expect(anasPage.GetByTestId("presence-current")).ToHaveTextAsync("Ausente");
        await Expect(ana.GetByTestId("live-agent-presence")).ToHaveTextAsync("Ausente", pushed);

        await page.GotoAsync("/admin/routing-settings");
        await Expect(page.GetByTestId("not-allowed")).ToBeVisibleAsync();
    });
}
