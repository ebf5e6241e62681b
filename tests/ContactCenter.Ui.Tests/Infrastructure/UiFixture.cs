using Microsoft.Playwright;

namespace ContactCenter.Ui.Tests.Infrastructure;

/// <summary>One host and one headless Chromium per test class; each test gets its own browser context (cookies).</summary>
public class UiFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "CC_TEST_CHROMIUM";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private UiHost? _host;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public string BaseUrl => _host?.BaseUrl ?? throw new InvalidOperationException("The host has not started.");

    public UiHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>Extra configuration for the host (environment variables, <c>__</c> for <c>:</c>).</summary>
    protected virtual IReadOnlyDictionary<string, string> HostSettings { get; } = new Dictionary<string, string>();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>Starts Chromium and the host on first use; skips (or fails in CI) when Chromium is missing.</summary>
    public async Task<IBrowser> BrowserAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            var reason = $"Chromium was not found at {ChromiumPath} (install Debian's 'chromium' package or set {ChromiumVariable}).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("CI must run the browser tests: " + reason);
            }

            Assert.Skip(reason);
        }

        if (_host is null)
        {
            _host = await UiHost.StartAsync(settings: HostSettings);
        }

        if (_browser is null)
        {
            Assertions.SetDefaultExpectTimeout(15_000);
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
            });
        }

        return _browser;
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
