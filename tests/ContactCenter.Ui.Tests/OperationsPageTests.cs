using System.Net.Http.Json;
using ContactCenter.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.Ui.Tests;

/// <summary>
/// The "Operação" page in the browser: its SVG charts are drawn (no script, under the Content-Security-Policy) and move
/// when a contact's message arrives, without a reload.
/// </summary>
public sealed class OperationsPageTests(UiFixture fixture) : UiTest(fixture)
{
    [Fact]
    public Task The_admin_watches_the_charts_draw_and_move_when_a_message_arrives() => InBrowserAsync(async page =>
    {
        using var admin = await LogInApiAsync("admin");
        var account = await SandboxWebhook.CreateSignedAccountAsync(admin, "Sandbox operação");
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await LogInAsync(page, "admin", UiHost.DemoPassword);
        await WaitInteractiveAsync(page);
        await page.GetByTestId("nav-operations").ClickAsync();
        await Expect(page).ToHaveURLAsync(Fixture.BaseUrl + "/operations");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Operação");
        await WaitInteractiveAsync(page);

        var incoming = page.GetByTestId("series-in");
        await Expect(page.GetByTestId("chart-messages")).ToBeVisibleAsync();
        await Expect(incoming).ToHaveAttributeAsync("points", new System.Text.RegularExpressions.Regex(@"^(\S+,\S+ ){29}\S+,\S+$"));
        await Expect(page.Locator("[data-testid=team-bars][data-team='Comercial']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=team-bars][data-team='Suporte']")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("band")).ToHaveCountAsync(5);
        await Expect(page.GetByTestId("rate-in")).ToHaveTextAsync("0");
        var before = await incoming.GetAttributeAsync("points");

        // A contact writes: the page is told (or re-reads within seconds) and the line and the rate move.
        await SandboxWebhook.PostMessageAsync(Fixture.BaseUrl, account, "55119" + Random.Shared.Next(10000000, 99999999), "Olga Operação", "Bom dia, quero um orçamento");

        // Processing the webhook takes its own time on a loaded machine: wait for the stored message first, then the page.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/operations/overview")).GetProperty("inboundPerSecond").GetDouble() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The message was not processed in time.");
            await Task.Delay(200);
        }

        var soon = new LocatorAssertionsToHaveTextOptions { Timeout = 10_000 };
        await Expect(page.GetByTestId("rate-in")).Not.ToHaveTextAsync("0", soon);
        await Expect(incoming).Not.ToHaveAttributeAsync("points", before!, new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });
        await ScreenshotAsync(page, "page-operations");
        Assert.DoesNotContain(errors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    });
}
