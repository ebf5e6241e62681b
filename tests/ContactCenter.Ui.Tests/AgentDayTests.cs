using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.Ui.Tests;

/// <summary>
/// Issue 9's walk through an agent's day on the Sandbox channel, in pt-BR, with the host's clock moved forward instead of
/// messages dated in the past: a customer writes from the sandbox phone, ana hears it and answers (ticks on both sides),
/// a day passes and the composer locks, a template goes out and free text waits for the reply, she finishes with a
/// reason, finds it in the history by the number, and starts a new conversation from there.
/// </summary>
public sealed class AgentDayTests(MovableClockFixture fixture) : UiTest(fixture), IClassFixture<MovableClockFixture>
{
    [Fact]
    public Task An_agents_day_on_the_sandbox_channel_in_portuguese() => InBrowserAsync(async page =>
    {
        using var admin = await LogInApiAsync("admin");
        var agents = await admin.GetFromJsonAsync<JsonElement>("/api/v1/agents");
        string AgentId(string displayName) => agents.EnumerateArray()
            .Single(a => a.GetProperty("displayName").GetString()!.StartsWith(displayName, StringComparison.Ordinal)).GetProperty("userId").GetString()!;
        (await admin.PutAsJsonAsync($"/api/v1/agents/{AgentId("Bruno")}/presence", new { presence = "offline" })).EnsureSuccessStatusCode();
        var accounts = await admin.GetFromJsonAsync<JsonElement>("/api/v1/channel-accounts");
        var sandbox = accounts.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Sandbox (demonstração)").GetProperty("id").GetString();

        // Ana starts her day: logged in, available, her inbox listening.
        await LogInAsync(page, "ana", UiHost.DemoPassword);
        await Expect(page.Locator(".inbox-layout[data-live=true]")).ToHaveCountAsync(1);
        await page.GetByTestId("presence-switch").SelectOptionAsync("Available");
        await Expect(page.GetByTestId("presence-current")).ToHaveTextAsync("Disponível");

        // The customer's phone, in a browser of its own.
        var browser = await Fixture.BrowserAsync();
        await using var phoneContext = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Fixture.BaseUrl });
        var phone = await phoneContext.NewPageAsync();
        var number = "55119" + Random.Shared.Next(10000000, 99999999);
        await OpenPhoneAsync(phone, sandbox!, number);
        await phone.GetByTestId("sandbox-text").FillAsync("Bom dia! Vi o anúncio do apartamento.");
        await phone.GetByTestId("sandbox-send").ClickAsync();

        // Ana hears it at once, and the page stays in Portuguese after the push.
        await Expect(page.GetByTestId("inbox-notice")).ToContainTextAsync("Nova conversa de Joana Dia");
        await Expect(page.GetByTestId("inbox-tab-mine")).ToContainTextAsync("Minhas");
        var item = page.GetByTestId("inbox-item").Filter(new LocatorFilterOptions { HasText = "Joana Dia" });
        await Expect(item.GetByTestId("inbox-window")).ToContainTextAsync("Janela aberta");
        await item.Locator(".inbox-item").ClickAsync();
        await Expect(page.GetByTestId("thread-message").First).ToContainTextAsync("Vi o anúncio");

        // She answers; the phone shows it and reports it read, and her bubble says so.
        await page.GetByTestId("composer-text").FillAsync("Bom dia, Joana! Quer agendar uma visita?");
        await page.GetByTestId("composer-send").ClickAsync();
        var reply = page.Locator("[data-testid=thread-message][data-direction=outbound]").Filter(new LocatorFilterOptions { HasText = "agendar uma visita" });
        await Expect(phone.Locator("[data-testid=sandbox-message][data-direction=outbound]")).ToContainTextAsync("Quer agendar uma visita?");
        await Expect(reply).ToHaveAttributeAsync("data-status", "read");
        await Expect(reply.GetByTestId("bubble-status")).ToContainTextAsync("lida");

        // A day and an hour later the 24-hour window has closed: free text is locked, templates are offered.
        // (Yesterday's logins have expired by then, as they do: both log in again.)
        await MoveClockAsync(admin, TimeSpan.FromHours(25));
        await LogInAsync(page, "ana", UiHost.DemoPassword);
        await Expect(page.Locator(".inbox-layout[data-live=true]")).ToHaveCountAsync(1);
        await OpenPhoneAsync(phone, sandbox!, number);
        await page.GetByTestId("inbox-item").Filter(new LocatorFilterOptions { HasText = "Joana Dia" }).Locator(".inbox-item").ClickAsync();
        await Expect(page.GetByTestId("composer-closed")).ToContainTextAsync("janela de 24 horas");
        await Expect(page.GetByTestId("composer-text")).ToBeDisabledAsync();

        // The demo template, its first variable bound to the contact's name; free text stays locked after it.
        await page.GetByTestId("template-open").ClickAsync();
        await Expect(page.GetByTestId("template-var-body-1")).ToHaveValueAsync("Joana Dia");
        await page.GetByTestId("template-var-body-2").FillAsync("Imobiliária Demo");
        await Expect(page.GetByTestId("template-preview")).ToHaveTextAsync("Olá Joana Dia, aqui é da Imobiliária Demo. Podemos continuar seu atendimento?");
        await page.GetByTestId("template-send").ClickAsync();
        await Expect(page.Locator("[data-testid=thread-message][data-direction=outbound]").Filter(new LocatorFilterOptions { HasText = "Podemos continuar" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("composer-text")).ToBeDisabledAsync();
        await Expect(phone.Locator("[data-testid=sandbox-message][data-direction=outbound]").Filter(new LocatorFilterOptions { HasText = "Podemos continuar" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "page-day-template-sent");

        // The customer answers: the window opens again and ana may write freely.
        await phone.GetByTestId("sandbox-text").FillAsync("Podemos sim! Sábado às 10h?");
        await phone.GetByTestId("sandbox-send").ClickAsync();
        await Expect(page.GetByTestId("thread-message").Filter(new LocatorFilterOptions { HasText = "Sábado às 10h?" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("composer-text")).ToBeEnabledAsync();
        await Expect(page.GetByTestId("composer-window")).ToContainTextAsync("Janela aberta");

        // She finishes with the contact reason, and finds it in the history by the number as a person types it.
        await page.GetByTestId("thread-finish").ClickAsync();
        await page.GetByTestId("finish-reason").SelectOptionAsync(new SelectOptionValue { Label = "Visita agendada" });
        await page.GetByTestId("finish-note").FillAsync("Visita sábado 10h");
        await page.GetByTestId("finish-confirm").ClickAsync();
        await Expect(page.GetByTestId("inbox-item").Filter(new LocatorFilterOptions { HasText = "Joana Dia" })).ToHaveCountAsync(0);
        await page.GetByTestId("nav-history").ClickAsync();
        await WaitInteractiveAsync(page);
        var local = number[2..];
        await page.GetByTestId("history-search").FillAsync($"({local[..2]}) {local[2..7]}-{local[7..]}");
        await page.GetByTestId("history-submit").ClickAsync();
        var row = page.GetByTestId("history-row");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("history-row-reason")).ToHaveTextAsync("Visita agendada");
        await row.GetByTestId("history-open").ClickAsync();
        await Expect(page.GetByTestId("thread-wrap-up")).ToContainTextAsync("Visita agendada");

        // A new conversation from there: inside the window (she wrote a moment ago), so free text goes at once.
        await page.GetByTestId("history-thread-new-conversation").ClickAsync();
        await WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("outreach-phone")).ToHaveValueAsync("+" + number);
        await page.GetByTestId("outreach-start").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/inbox\\?conversation="));
        await WaitInteractiveAsync(page);
        await page.GetByTestId("composer-text").FillAsync("Joana, confirmando a visita de sábado às 10h.");
        await page.GetByTestId("composer-send").ClickAsync();
        await Expect(phone.Locator("[data-testid=sandbox-message][data-direction=outbound]").Filter(new LocatorFilterOptions { HasText = "confirmando a visita" })).ToBeVisibleAsync();
        await ScreenshotAsync(phone, "page-day-sandbox-phone");
    });

    /// <summary>The sandbox phone page, logged in, playing <paramref name="number"/>.</summary>
    private static async Task OpenPhoneAsync(IPage phone, string sandbox, string number)
    {
        await LogInAsync(phone, "admin", UiHost.DemoPassword);
        await WaitInteractiveAsync(phone);
        await phone.GotoAsync($"/sandbox/{sandbox}");
        await WaitInteractiveAsync(phone);
        await phone.GetByTestId("sandbox-phone").FillAsync(number);
        await phone.GetByTestId("sandbox-phone").PressAsync("Tab");
        await phone.GetByTestId("sandbox-name").FillAsync("Joana Dia");
    }

    private static async Task MoveClockAsync(HttpClient admin, TimeSpan by)
    {
        var moved = await admin.PostAsJsonAsync("/testing/clock", new { minutes = (int)by.TotalMinutes });
        Assert.True(moved.IsSuccessStatusCode, $"The clock did not move: {(int)moved.StatusCode} {await moved.Content.ReadAsStringAsync()}");
    }
}
