using ContactCenter.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.Ui.Tests;

public sealed class ApiKeysTests(UiFixture fixture) : UiTest(fixture)
{
    [Fact]
    public Task A_new_key_is_shown_once_works_on_the_api_and_stops_when_revoked() => InBrowserAsync(async page =>
    {
        await LogInAsync(page, "admin", UiHost.DemoPassword);
        await WaitInteractiveAsync(page);
        await page.GetByTestId("nav-apikeys").ClickAsync();

        await page.GetByTestId("apikey-name").FillAsync("CRM imobiliário");
        await page.GetByTestId("apikey-role").SelectOptionAsync("Supervisor");
        await page.GetByTestId("apikey-create").ClickAsync();

        var value = page.GetByTestId("apikey-value");
        await Expect(value).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^cc_.{20,}$"));
        var key = await value.TextContentAsync();
        var row = page.Locator("[data-testid=apikey-row][data-name='CRM imobiliário']");
        await Expect(row).ToContainTextAsync("Supervisor");
        await ScreenshotAsync(page, "page-api-keys");

        var me = await page.APIRequest.GetAsync(Fixture.BaseUrl + "/api/v1/auth/me", new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + key },
        });
        Assert.Equal(200, me.Status);

        await page.ReloadAsync();
        await WaitInteractiveAsync(page);
        await Expect(row).ToBeVisibleAsync();
        await Expect(page.GetByTestId("apikey-value")).ToHaveCountAsync(0);
        Assert.DoesNotContain(key!, await page.ContentAsync(), StringComparison.Ordinal);

        await row.GetByTestId("apikey-revoke").ClickAsync();
        await row.GetByTestId("apikey-revoke-confirm").ClickAsync();
        await Expect(row.GetByTestId("apikey-status")).ToHaveTextAsync("Revogada");
        var refused = await page.APIRequest.GetAsync(Fixture.BaseUrl + "/api/v1/auth/me", new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + key },
        });
        Assert.Equal(401, refused.Status);
    });
}
