using System.Text.Json;
using Microsoft.Playwright;

namespace ContactCenter.LoadGenerator.Live;

/// <summary>
/// Headless Chromium driven by Playwright, holding agents' pages open: each page is a Blazor Server circuit, the
/// product's push path. A script in every page notes when a live marker first enters the DOM (a MutationObserver) and
/// the next animation frame after it (and what its own callback costs the page), in the page's own clock (<c>performance.timeOrigin + performance.now()</c>, the
/// Unix epoch in ms); <see cref="ClockOffsetAsync"/> relates that clock to the tool's.
/// </summary>
internal sealed class AgentBrowser : IAsyncDisposable
{
    /// <summary>What every page runs before its own scripts. Markers are <c>LIVE</c> + hex + <c>N</c> + digits.</summary>
    internal const string WatchScript = """
        (() => {
          const seen = {};
          window.__ccLive = seen;
          const pattern = /LIVE[0-9a-f]+N[0-9]+/g;
          const note = text => {
            if (!text || text.indexOf('LIVE') < 0) return;
            const now = performance.timeOrigin + performance.now();
            for (const m of text.matchAll(pattern)) {
              const key = m[0];
              if (key in seen) continue;
              seen[key] = [now, 0];
              requestAnimationFrame(() => { seen[key][1] = performance.timeOrigin + performance.now(); });
            }
          };
          window.__ccLiveCost = 0;
          window.__ccLiveCalls = 0;
          new MutationObserver(records => {
            const began = performance.now();
            for (const r of records) {
              if (r.type === 'characterData') note(r.target.data);
              else for (const n of r.addedNodes) note(n.textContent);
            }
            window.__ccLiveCost += performance.now() - began;
            window.__ccLiveCalls++;
          }).observe(document, { childList: true, subtree: true, characterData: true });
        })();
        """;

    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-quic", "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
        "--disable-backgrounding-occluded-windows",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly Uri _baseUrl;

    private AgentBrowser(IPlaywright playwright, IBrowser browser, Uri baseUrl)
    {
        _playwright = playwright;
        _browser = browser;
        _baseUrl = baseUrl;
    }

    /// <summary>Starts Chromium; <paramref name="rendererProcessLimit"/> lets many pages share renderer processes (the memory mode's hundreds of pages).</summary>
    public static async Task<AgentBrowser> LaunchAsync(string chromium, Uri baseUrl, int? rendererProcessLimit = null)
    {
        if (!File.Exists(chromium))
        {
            throw new TargetException($"Chromium was not found at {chromium}: install Debian's 'chromium' package, set CC_TEST_CHROMIUM or pass --chromium.");
        }

        var playwright = await Playwright.CreateAsync();
        var args = rendererProcessLimit is { } limit ? [.. Args, $"--renderer-process-limit={limit}"] : Args;
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = args });
        return new AgentBrowser(playwright, browser, baseUrl);
    }

    /// <summary>A browser context (its own cookies) whose pages all watch for live markers.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 820 },
            Locale = "en-US",
        });
        await context.AddInitScriptAsync(WatchScript);
        return context;
    }

    /// <summary>
    /// Logs the context in as this user (the login API sets the cookie) and opens <paramref name="path"/>, returning once
    /// its circuit is connected (the layout's <c>data-interactive</c>). The circuit keeps the user it connected with, so
    /// the same context may then log in as someone else for its next page.
    /// </summary>
    public static async Task<IPage> OpenAsAsync(IBrowserContext context, string userName, string password, string path, TimeSpan timeout)
    {
        var login = await context.APIRequest.PostAsync("/api/v1/auth/login", new APIRequestContextOptions
        {
            DataObject = new { userName, password },
            Timeout = (float)timeout.TotalMilliseconds,
        });
        if (!login.Ok)
        {
            throw new TargetException($"Logging in as {userName} answered {login.Status}: {await login.TextAsync()}");
        }

        var page = await context.NewPageAsync();
        await page.GotoAsync(path, new PageGotoOptions { Timeout = (float)timeout.TotalMilliseconds });
        await page.Locator(".app-shell[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = (float)timeout.TotalMilliseconds });
        return page;
    }

    /// <summary>
    /// The page's clock minus the tool's, in ms, from the quickest of several round trips (the page's time set against
    /// the middle of the round trip), and how far off it can be: half that round trip.
    /// </summary>
    public static async Task<ClockOffset> ClockOffsetAsync(IPage page, int tries = 15)
    {
        var best = new ClockOffset(0, double.MaxValue);
        for (var i = 0; i < tries; i++)
        {
            var before = UnixMs();
            var inPage = await page.EvaluateAsync<double>("performance.timeOrigin + performance.now()");
            var after = UnixMs();
            if ((after - before) / 2 < best.PlusMinusMs)
            {
                best = new ClockOffset(inPage - (before + after) / 2, (after - before) / 2);
            }
        }

        return best;
    }

    /// <summary>Every marker the page has seen: when it entered the DOM and the next frame after it, in the page's clock.</summary>
    public static async Task<IReadOnlyDictionary<string, (double InDom, double Frame)>> SeenAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("JSON.stringify(window.__ccLive || {})");
        var seen = JsonSerializer.Deserialize<Dictionary<string, double[]>>(json) ?? [];
        return seen.ToDictionary(p => p.Key, p => (p.Value[0], p.Value.Length > 1 ? p.Value[1] : 0));
    }

    /// <summary>The tool's clock: the system's wall clock, as the page's is, in ms since the Unix epoch.</summary>
    public static double UnixMs() => (TimeProvider.System.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalMilliseconds;

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>The page's clock minus the tool's (ms), within ± <see cref="PlusMinusMs"/>.</summary>
internal readonly record struct ClockOffset(double Ms, double PlusMinusMs);
