using ContactCenter.Ui.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.Ui.Tests;

/// <summary>
/// What one open page costs the node is multiplied by every agent connected all day (issue 10), so the circuit's
/// WebSocket must not carry per-message deflate: it keeps a zlib compressor and decompressor per connection.
/// </summary>
public sealed class CircuitConnectionTests(UiFixture fixture) : UiTest(fixture)
{
    /// <summary>Notes every WebSocket the page opens, before the page's own scripts (Blazor's) run.</summary>
    private const string RecordSockets = """
        (() => {
          const Native = window.WebSocket;
          window.__ccSockets = [];
          window.WebSocket = class extends Native {
            constructor(...args) { super(...args); window.__ccSockets.push(this); }
          };
        })();
        """;

    [Fact]
    public Task An_agents_inbox_circuit_runs_on_an_uncompressed_WebSocket() => InBrowserAsync(async page =>
    {
        await page.AddInitScriptAsync(RecordSockets);
        await LogInAsync(page, "carla", UiHost.DemoPassword);
        await WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("inbox-tab-mine")).ToBeVisibleAsync();

        // Chromium always offers permessage-deflate; an empty "extensions" is the server declining it.
        var sockets = await page.EvaluateAsync<string[][]>(
            "window.__ccSockets.filter(s => s.readyState === WebSocket.OPEN).map(s => [s.url, s.extensions])");
        var circuit = Assert.Single(sockets, s => s[0].Contains("/_blazor", StringComparison.Ordinal));
        Assert.Equal(string.Empty, circuit[1]);
    });
}
