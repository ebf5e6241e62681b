using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.Ui.Tests;

/// <summary>
/// An admin reads the console to see whether the product is healthy: a clean start and an agent closing the tab must
/// print no warning and no exception (before: EF's MultipleCollectionIncludeWarning at start-up, and a
/// TaskCanceledException from the inbox whenever a browser was closed). Its own class, so its host's log holds
/// only this scenario.
/// </summary>
public sealed class CleanLogTests(UiFixture fixture) : UiTest(fixture)
{
    [Fact]
    public Task A_clean_start_and_a_closed_tab_log_no_warnings_or_exceptions() => InBrowserAsync(async page =>
    {
        await LogInAsync(page, "ana", UiHost.DemoPassword);
        await WaitInteractiveAsync(page);
        await Expect(page.Locator(".inbox-layout[data-live=true]")).ToHaveCountAsync(1);
        await page.GotoAsync("/contacts");
        await WaitInteractiveAsync(page);
        await page.GotoAsync("/inbox");
        await WaitInteractiveAsync(page);

        using var admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(Fixture.BaseUrl) };
        (await admin.PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = UiHost.DemoPassword })).EnsureSuccessStatusCode();
        await page.Context.CloseAsync();

        // The host has noticed the closed tab once ana's browser counts as disconnected.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!AnaIsDisconnected(await admin.GetFromJsonAsync<JsonElement>("/api/v1/agents")))
        {
            Assert.True(DateTime.UtcNow < deadline, "The host never noticed that ana's tab was closed.");
            await Task.Delay(200);
        }

        var noisy = Fixture.Host.LogLines()
            .Where(l => l.Contains(" WRN]", StringComparison.Ordinal) || l.Contains(" ERR]", StringComparison.Ordinal)
                || l.Contains(" FTL]", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal))
            .ToList();
        Assert.True(noisy.Count == 0, "The host logged:" + Environment.NewLine + string.Join(Environment.NewLine, noisy));
    });

    private static bool AnaIsDisconnected(JsonElement agents) => agents.EnumerateArray()
        .Single(a => a.GetProperty("displayName").GetString()!.StartsWith("Ana", StringComparison.Ordinal))
        .GetProperty("disconnectedSince").ValueKind != JsonValueKind.Null;
}
