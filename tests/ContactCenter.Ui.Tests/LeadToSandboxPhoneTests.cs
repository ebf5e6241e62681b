using System.Text.RegularExpressions;
using ContactCenter.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.Ui.Tests;

/// <summary>
/// The README's promise, end to end: a visitor fills a product's lead form, presses "Abrir WhatsApp" on the thank-you
/// page and, with no login, lands on the Sandbox phone of their own number with the code typed; the message reaches
/// the agent's inbox at once, and the ticks move on both sides as each one sees the other's messages.
/// </summary>
public sealed class LeadToSandboxPhoneTests(UiFixture fixture) : UiTest(fixture)
{
    [Fact]
    public Task A_visitor_goes_from_the_lead_form_to_the_public_sandbox_phone_and_talks_with_the_agent_with_ticks_on_both_sides() => InBrowserAsync(async page =>
    {
        // Ana, available, has her inbox open.
        await LogInAsync(page, "ana", UiHost.DemoPassword);
        await WaitInteractiveAsync(page);
        await page.GetByTestId("presence-switch").SelectOptionAsync("Available");
        await Expect(page.GetByTestId("presence-current")).ToHaveTextAsync("Disponível");
        await page.GotoAsync("/inbox");
        await WaitInteractiveAsync(page);

        // The visitor, in a browser of their own with no login.
        var browser = await Fixture.BrowserAsync();
        await using var visitorsContext = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Fixture.BaseUrl });
        var visitor = await visitorsContext.NewPageAsync();
        var local = "9" + Random.Shared.Next(10000000, 99999999); // a mobile: 9 digits after the area code
        await visitor.GotoAsync("/f/residencial-jardim-das-flores");
        await visitor.Locator("#lf-name").FillAsync("Paula Visitante");
        await visitor.Locator("#lf-email").FillAsync($"paula{local}@example.com");
        await visitor.Locator("#lf-phone").FillAsync($"(11) {local[..5]}-{local[5..]}");
        await visitor.GetByTestId("lead-submit").ClickAsync();
        await Expect(visitor.GetByTestId("form-success")).ToBeVisibleAsync();
        var code = (await visitor.GetByTestId("lead-code").TextContentAsync())!.Trim();
        Assert.Matches("^#[A-Z0-9]{6}$", code);

        await visitor.GetByTestId("open-whatsapp").ClickAsync();
        await Expect(visitor).ToHaveURLAsync(new Regex("/s/[A-Za-z0-9_-]+$"));
        await Expect(visitor.Locator(".sbx-public-shell[data-interactive=true]")).ToHaveCountAsync(1);
        await Expect(visitor.GetByTestId("sandbox-linked-phone")).ToHaveTextAsync("+5511" + local);
        // Their number only: no field to be someone else, no admin menu.
        await Expect(visitor.GetByTestId("sandbox-phone")).ToHaveCountAsync(0);
        await Expect(visitor.Locator(".sidebar")).ToHaveCountAsync(0);
        await Expect(visitor.GetByTestId("sandbox-text")).ToHaveValueAsync(new Regex(Regex.Escape(code)));
        await visitor.GetByTestId("sandbox-send").ClickAsync();

        var mine = visitor.Locator("[data-testid=sandbox-message][data-direction=inbound]");
        await Expect(mine).ToContainTextAsync(code);
        // ✓✓: the host put it in a conversation (agents see it).
        await Expect(mine).ToHaveAttributeAsync("data-status", "delivered");
        await Expect(mine.GetByTestId("sandbox-ticks")).ToHaveTextAsync("✓✓");

        // Ana's inbox shows it without a reload; she answers.
        var item = page.GetByTestId("inbox-item").Filter(new LocatorFilterOptions { HasText = "Paula Visitante" });
        await Expect(item).ToBeVisibleAsync();
        await item.Locator(".inbox-item").ClickAsync();
        await Expect(page.GetByTestId("thread-message").First).ToContainTextAsync(code);
        await page.GetByTestId("composer-text").FillAsync("Oi Paula! Quer agendar uma visita?");
        await page.GetByTestId("composer-send").ClickAsync();

        // The phone is pushed the reply and reports it delivered and read through the sandbox webhook: Ana's ticks turn
        // read, and the visitor's own message turns blue (the business answered it).
        var reply = visitor.Locator("[data-testid=sandbox-message][data-direction=outbound]");
        await Expect(reply).ToContainTextAsync("Oi Paula! Quer agendar uma visita?");
        await Expect(mine).ToHaveAttributeAsync("data-status", "read");
        await Expect(mine.GetByTestId("sandbox-ticks")).ToHaveClassAsync(new Regex("sbx-ticks-read"));
        var answered = page.Locator("[data-testid=thread-message][data-direction=outbound]");
        await Expect(answered).ToHaveAttributeAsync("data-status", "read");
        await Expect(answered.GetByTestId("bubble-status")).ToContainTextAsync("✓✓");
        await ScreenshotAsync(visitor, "page-public-sandbox-phone");

        // A link someone altered opens nothing, and says so.
        await visitor.GotoAsync(visitor.Url[..^4] + "AAAA");
        await Expect(visitor.GetByTestId("sandbox-link-invalid")).ToContainTextAsync("Este link não é válido");
        await Expect(visitor.GetByTestId("sandbox-screen")).ToHaveCountAsync(0);
    });
}
