using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.Ui.Tests.Infrastructure;

/// <summary>
/// Base of the browser tests: runs a scenario in a fresh browser context and, when it fails, saves a screenshot
/// under TestResults/ui-screenshots and names it in the failure message.
/// </summary>
public abstract class UiTest(UiFixture fixture) : IClassFixture<UiFixture>
{
    public static string ScreenshotDirectory { get; } = Path.Combine(FindTestProjectDirectory(), "TestResults", "ui-screenshots");

    protected UiFixture Fixture { get; } = fixture;

    protected async Task InBrowserAsync(Func<IPage, Task> scenario, [CallerMemberName] string test = "")
    {
        var browser = await Fixture.BrowserAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Fixture.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 820 },
            Locale = "en-US",
        });
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) => console.Add($"[{message.Type}] {message.Text}");
        page.PageError += (_, error) => console.Add($"[pageerror] {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                console.Add($"[http {response.Status}] {response.Request.Method} {response.Url}");
            }
        };
        try
        {
            await scenario(page);
        }
        catch (Exception e)
        {
            string path;
            try
            {
                path = await ScreenshotAsync(page, test);
            }
            catch (PlaywrightException closed)
            {
                path = "(none: " + closed.Message.Split('\n')[0] + ")"; // the scenario closed its page itself
            }

            var log = string.Join(Environment.NewLine, console.TakeLast(20));
            throw new UiScenarioFailedException(
                $"{e.Message}{Environment.NewLine}Screenshot: {path}{Environment.NewLine}Browser console:{Environment.NewLine}{log}", e);
        }
    }

    /// <summary>Saves what the page shows now (also used to keep pictures of the main pages for review).</summary>
    protected static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>An API client logged in as a demo user (cookie), for arranging what the browser then shows.</summary>
    protected async Task<HttpClient> LogInApiAsync(string userName)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = new Uri(Fixture.BaseUrl) };
        await Fixture.BrowserAsync(); // starts the host (or skips without Chromium)
        (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = UiHost.DemoPassword })).EnsureSuccessStatusCode();
        return client;
    }

    protected static async Task LogInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByTestId("login-username").FillAsync(userName);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
    }

    /// <summary>Buttons only work once the Blazor circuit is connected; the layout flags that moment.</summary>
    protected static Task WaitInteractiveAsync(IPage page) =>
        Expect(page.Locator(".app-shell[data-interactive=true]")).ToHaveCountAsync(1);

    private static string FindTestProjectDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ContactCenter.Ui.Tests.csproj")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}

public sealed class UiScenarioFailedException(string message, Exception inner) : Exception(message, inner);
