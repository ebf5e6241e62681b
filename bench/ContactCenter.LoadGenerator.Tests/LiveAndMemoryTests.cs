using ContactCenter.LoadGenerator.Checks;
using ContactCenter.LoadGenerator.Live;
using ContactCenter.LoadGenerator.Memory;
using Microsoft.Playwright;

namespace ContactCenter.LoadGenerator.Tests;

/// <summary>The live-delivery and memory options, their statistics, and the in-page watch in a real Chromium.</summary>
public sealed class LiveAndMemoryTests
{
    private const double MiB = 1024 * 1024;

    [Fact]
    public void The_memory_mode_makes_one_phone_per_conversation_and_every_message_a_measured_one()
    {
        var o = Options.Parse(["--memory-conversations", "10000", "--memory-agents", "1000", "--memory-pages", "25, 50,100"]);

        Assert.Equal(10_000, o.Count);
        Assert.Equal(10_000, o.Phones);
        Assert.Equal(TimeSpan.Zero, o.Warmup);
        Assert.Equal([25, 50, 100], o.MemoryPages);
        Assert.True(o.Deadline > Options.Parse([]).Deadline + TimeSpan.FromMinutes(30), "the agents and pages get time of their own");
    }

    [Theory]
    [InlineData("--memory-conversations", "100", "--memory-pages", "50,25")]
    [InlineData("--memory-conversations", "100", "--memory-pages", "abc")]
    [InlineData("--memory-conversations", "100", "--memory-pages", "20")] // more pages than agents (none)
    [InlineData("--memory-agents", "10", "--live-messages", "5")] // agents without the memory mode
    [InlineData("--live-watchers", "2", "--self-test", null)]
    [InlineData("--live-watchers", "101", "--live-messages", "5")]
    public void Browser_phases_that_cannot_run_are_refused(string first, string value, string second, string? secondValue) =>
        Assert.Throws<UsageException>(() => Options.Parse(secondValue is null ? [first, value, second] : [first, value, second, secondValue]));

    [Fact]
    public void Live_options_read_as_written()
    {
        var o = Options.Parse(["--live-watchers", "3", "--live-messages", "50", "--live-interval", "100ms", "--chromium", "/opt/chromium"]);

        Assert.Equal((3, 50, 0.1, "/opt/chromium"), (o.LiveWatchers, o.LiveMessages, o.LiveInterval.TotalSeconds, o.Chromium));
        Assert.True(o.UsesBrowser);
        Assert.False(Options.Parse([]).UsesBrowser);
    }

    [Fact]
    public void A_live_message_is_timed_in_the_tool_s_clock_from_its_acknowledgement_to_its_own_agent_s_page()
    {
        // Watcher 0's page clock runs 5,000 ms ahead of the tool's, watcher 1's 200 ms behind.
        ClockOffset[] offsets = [new(5000, 0.5), new(-200, 1.5)];
        LiveSend[] sends =
        [
            new("LIVEaN1", 0, SentAt: 1000, AcceptedAt: 1010) { StoredAt = 1030 },
            new("LIVEaN2", 1, SentAt: 1200, AcceptedAt: 1230) { StoredAt = 1300 },
            new("LIVEaN3", 0, SentAt: 1400, AcceptedAt: 1405),
            new("LIVEaN4", 1, SentAt: 1600, AcceptedAt: null), // never acknowledged: not waited for
            new("LIVEaN5", 1, SentAt: 1800, AcceptedAt: 1801), // shown only in the other agent's page: not delivered
        ];
        IReadOnlyDictionary<string, (double, double)>[] seen =
        [
            new Dictionary<string, (double, double)> { ["LIVEaN1"] = (6040, 6050), ["LIVEaN3"] = (6505, 0), ["LIVEaN5"] = (6900, 6910) },
            new Dictionary<string, (double, double)> { ["LIVEaN2"] = (1110, 1125) },
        ];

        var r = LiveStatistics.Summarize("at rest", sends, seen, offsets, sendSeconds: 1, observerMs: 3, observerCalls: 7);

        Assert.Equal((5, 4, 3), (r.Sent, r.Acknowledged, r.Seen));
        Assert.Equal(80, r.AcceptedToDom.P50, 6);   // 30 (N1), 80 (N2: 1110 + 200 - 1230), 100 (N3)
        Assert.Equal(100, r.AcceptedToDom.Max, 6);
        Assert.Equal(105, r.SentToDom.P50, 6);      // 40, 110, 105
        Assert.Equal(95, r.AcceptedToFrame.Max, 6); // 40 (N1), 95 (N2); N3's frame never came
        Assert.Equal(1.5, r.ClockPlusMinusMs);
        Assert.Equal((2, 70.0), (r.AcceptedToStored.Count, r.AcceptedToStored.Max)); // processing: 20 (N1), 70 (N2)
        Assert.Equal(10, r.StoredToDom.P99, 6);                                       // the push: 10 and 10
        Assert.False(r.Met(1000), "a message acknowledged and never shown in its agent's page fails the target, however quick the rest");
    }

    [Fact]
    public void The_target_holds_only_when_every_acknowledged_message_arrived_within_it()
    {
        LiveSend[] sends = [new("LIVEaN1", 0, 0, 10), new("LIVEaN2", 0, 200, 205)];
        IReadOnlyDictionary<string, (double, double)>[] seen = [new Dictionary<string, (double, double)> { ["LIVEaN1"] = (60, 70), ["LIVEaN2"] = (330, 340) }];

        var r = LiveStatistics.Summarize("at rest", sends, seen, [new ClockOffset(0, 1)], 0.4, 0, 0);

        Assert.Equal(125, r.AcceptedToDom.P99, 6);
        Assert.True(r.Met(125));
        Assert.False(r.Met(100));
    }

    [Fact]
    public void The_cost_per_connected_agent_is_the_slope_of_the_host_s_memory_against_open_pages()
    {
        MemoryPoint[] points =
        [
            Point(0, rss: 400, heap: 60),
            Point(50, rss: 510, heap: 80),
            Point(100, rss: 590, heap: 100),
        ];

        var slope = MemorySlope.Fit(points)!;

        Assert.Equal(1.9, slope.RssPerPageBytes / MiB, 6);   // least squares: (0,400) (50,510) (100,590)
        Assert.Equal(0.4, slope.HeapPerPageBytes!.Value / MiB, 6);
        Assert.Equal(405 + 1.9 * 1000, slope.RssAt(1000) / MiB, 6);
        Assert.Null(MemorySlope.Fit([Point(50, 500, 60), Point(50, 520, 61)]));
    }

    [Fact]
    public async Task The_page_notes_a_marker_the_moment_it_enters_the_DOM_in_a_clock_the_tool_can_relate_to_its_own()
    {
        var chromium = Environment.GetEnvironmentVariable("CC_TEST_CHROMIUM");
        if (string.IsNullOrEmpty(chromium) || !File.Exists(chromium))
        {
            Assert.Skip("CC_TEST_CHROMIUM is not set to a Chromium: the in-page watch is not exercised here.");
        }

        await using var browser = await AgentBrowser.LaunchAsync(chromium!, new Uri("http://127.0.0.1:9/"));
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        // Served by Playwright itself (nothing listens on port 9): a real navigation, so the watch script runs first.
        await page.RouteAsync("http://127.0.0.1:9/**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html",
            Body = "<!doctype html><main id=thread><p>LIVEfeedN0 was here before</p></main>",
        }));
        await page.GotoAsync("/");
        var offset = await AgentBrowser.ClockOffsetAsync(page);

        var before = AgentBrowser.UnixMs();
        await page.EvaluateAsync("""
            setTimeout(() => {
              const p = document.createElement('p');
              p.textContent = 'Mensagem ao vivo LIVEab12N1000001';
              document.getElementById('thread').appendChild(p);
              document.querySelector('p').firstChild.data = 'edited: LIVEab12N1000002';
            }, 50)
            """);
        await page.WaitForFunctionAsync("() => Object.keys(window.__ccLive).length >= 3 && window.__ccLive['LIVEab12N1000001'][1] > 0");
        var after = AgentBrowser.UnixMs();
        var seen = await AgentBrowser.SeenAsync(page);

        Assert.True(offset.PlusMinusMs < 50, $"a round trip to the page took {2 * offset.PlusMinusMs} ms");
        var added = seen["LIVEab12N1000001"].InDom - offset.Ms;
        Assert.InRange(added, before + 50 - 2 * offset.PlusMinusMs - 1, after + 2 * offset.PlusMinusMs + 1);
        Assert.True(seen["LIVEab12N1000001"].Frame >= seen["LIVEab12N1000001"].InDom);
        Assert.Contains("LIVEab12N1000002", seen.Keys); // a changed text node counts too
        Assert.Contains("LIVEfeedN0", seen.Keys); // the page's own first render is seen as well (markers are unique per run)
    }

    private static MemoryPoint Point(int pages, double rss, double heap) =>
        new($"{pages} pages", pages, new HostMemory((long)(rss * MiB), (long)(heap * MiB), null), "1.00 / 1.00 / 1.00");
}
