using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.Ui.Tests.MultiNode;

/// <summary>
/// Two host processes on one PostgreSQL database behind nginx (deploy/nginx/contactcenter.conf): contacts write through
/// the Sandbox channel, two agents take conversations and reply through the outbox, while the node the supervisor's
/// browser is not on is killed (-9) and restarted. Afterwards the database must show every acknowledged webhook stored
/// once, no conversation assigned twice, no agent over capacity, no reply sent twice; and the supervisor's live queue,
/// on the surviving node, still follows changes made through the other one.
/// </summary>
public sealed class SeveralNodesTests
{
    private const string AdminApiKey = "cc-nodes-admin-key-0123456789abcdef";
    private static readonly TimeSpan MaxLoad = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan LoadAfterRestart = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task Nodes_share_the_load_and_one_killed_and_restarted_loses_and_doubles_nothing()
    {
        NginxProxy.SkipUnlessInstalled();
        var adminConnection = RequirePostgres();
        if (!File.Exists(UiFixture.ChromiumPath))
        {
            SkipOrFail($"Chromium was not found at {UiFixture.ChromiumPath} (install Debian's 'chromium' package or set {UiFixture.ChromiumVariable}).");
        }

        var database = await ClusterDatabase.CreateAsync(adminConnection);
        var ports = new[] { UiHost.FreePort(), UiHost.FreePort() };
        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Default"] = database.ConnectionString,
            ["ContactCenter__KnownProxies__0"] = "127.0.0.1",
            ["ContactCenter__Bootstrap__AdminApiKey"] = AdminApiKey,
        };
        var nodes = new UiHost?[2];
        NginxProxy? nginx = null;
        IPlaywright? playwright = null;
        IBrowser? browser = null;
        try
        {
            // Arrange: two nodes behind nginx (one after the other: the first migrates and seeds, the second finds it
            // done), a signed Sandbox account for the Comercial team, the supervisor's live queue open on one node.
            nodes[0] = await UiHost.StartAsync(settings: settings, port: ports[0]);
            nodes[1] = await UiHost.StartAsync(settings: settings, port: ports[1]);
            nginx = await NginxProxy.StartAsync(RepoRoot(), ports);
            Trace("started");

            using var admin = new HttpClient { BaseAddress = new Uri(nginx.BaseUrl), Timeout = TimeSpan.FromSeconds(15) };
            admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminApiKey);
            var account = await SandboxWebhook.CreateSignedAccountAsync(admin, "Sandbox nodes");
            var teams = await admin.GetFromJsonAsync<JsonElement>("/api/v1/teams");
            var comercial = teams.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Comercial").GetProperty("id").GetString();
            (await admin.PutAsJsonAsync($"/api/v1/teams/{comercial}", new { channelAccountIds = new[] { account } })).EnsureSuccessStatusCode();
            var agents = await admin.GetFromJsonAsync<JsonElement>("/api/v1/agents");
            string AgentId(string displayName) => agents.EnumerateArray()
                .Single(a => a.GetProperty("displayName").GetString()!.StartsWith(displayName, StringComparison.Ordinal)).GetProperty("userId").GetString()!;
            var roundsBefore = await JobRunsAsync(ports, "routing-backlog-round");
            var window = Stopwatch.StartNew();
            var ana = Guid.Parse(AgentId("Ana"));
            var bruno = Guid.Parse(AgentId("Bruno"));
            var carla = AgentId("Carla");

            // The supervisor watches the live queue through nginx; ip_hash keeps the browser on one node.
            (playwright, browser) = await LaunchChromiumAsync();
            var page = await OpenLiveQueueAsync(browser, nginx);
            var watched = nginx.LastNodeFor("/_blazor") ?? throw new InvalidOperationException("The circuit's node is not in nginx's log.");
            var survivor = Array.FindIndex(ports, p => watched.EndsWith(":" + p, StringComparison.Ordinal));
            Assert.True(survivor >= 0, $"The circuit went to {watched}, not to a node of this test.");
            var victim = 1 - survivor;
            Trace("browser");

            using var anaClient = await LogInAsync(nginx.BaseUrl, "ana");
            using var brunoClient = await LogInAsync(nginx.BaseUrl, "bruno");
            (await admin.PutAsJsonAsync($"/api/v1/agents/{ana}/presence", new { presence = "available" })).EnsureSuccessStatusCode();
            (await admin.PutAsJsonAsync($"/api/v1/agents/{bruno}/presence", new { presence = "available" })).EnsureSuccessStatusCode();

            // Act: the load over both nodes; the node the browser is not on is killed (-9) and restarted under it. The
            // load runs until the killed node is back and has taken its share for a few seconds (bounded by MaxLoad).
            var load = ContactLoad.Start(nginx.BaseUrl, account, database, [(ana, anaClient), (bruno, brunoClient)], MaxLoad);
            await Task.Delay(TimeSpan.FromSeconds(4));

            // Quartz is clustered: the routing round, due every 5 seconds, ran that often in all, not on each node.
            var rounds = await JobRunsAsync(ports, "routing-backlog-round") - roundsBefore;
            var due = (int)Math.Ceiling(window.Elapsed.TotalSeconds / 5);
            Assert.InRange(rounds, 1, due + 1);

            await nodes[victim]!.KillAsync();
            Trace("killed");
            await nodes[victim]!.DisposeAsync();
            nodes[victim] = null;
            await Task.Delay(TimeSpan.FromSeconds(3));
            nodes[victim] = await UiHost.StartAsync(settings: settings, port: ports[victim]);
            Trace("restarted");
            await Task.Delay(LoadAfterRestart);
            await load.StopAsync();
            Trace("load done");

            // Assert: every acknowledged message stored once, every reply accepted once, nobody assigned twice or over capacity.
            // Settling returns as soon as all is stored; the long limit is for a loaded machine (45 s ran out at load 40-60).
            var tally = await database.SettleAndCountAsync(load, TimeSpan.FromSeconds(180));
            TestContext.Current.SendDiagnosticMessage("Several nodes: " + tally);
            Trace(tally.ToString());
            Trace("summary");
            Console.WriteLine("Several nodes: " + tally);

            Assert.True(tally.Acknowledged > 100, "Too little load to prove anything: " + tally);
            Assert.True(tally.Replies >= 4, "The agents answered too little to prove anything: " + tally);
            Assert.Equal((0, 0, 0L, 0L, 0L, 0L), tally.Faults);
            Assert.Equal(tally.Replies, tally.RepliesSent);

            // The surviving node's page still follows changes, whichever node makes them (round robin: both).
            var carlaRow = page.Locator("[data-testid=live-agent][data-agent='Carla Suporte']");
            var pushed = new LocatorAssertionsToHaveTextOptions { Timeout = 5_000 };
            foreach (var (presence, shown) in new[] { ("available", "Disponível"), ("away", "Ausente"), ("available", "Disponível"), ("offline", "Offline") })
            {
                (await admin.PutAsJsonAsync($"/api/v1/agents/{carla}/presence", new { presence })).EnsureSuccessStatusCode();
                await Expect(carlaRow.GetByTestId("live-agent-presence")).ToHaveTextAsync(shown, pushed);
            }

            var anasLoad = await database.OpenConversationsOfAsync(ana);
            await Expect(page.Locator("[data-testid=live-agent][data-agent='Ana Atendente']").GetByTestId("live-agent-load")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^{anasLoad} / "));
            Assert.Equal(watched, nginx.LastNodeFor("/_blazor"));

            // "Run now" of a sweep on a cluster: one node runs it, once.
            var syncsBefore = await JobRunsAsync(ports, "template-sync");
            (await admin.PostAsync("/api/v1/jobs/Templates/template-sync/run", null)).EnsureSuccessStatusCode();
            var ran = Stopwatch.StartNew();
            while (await JobRunsAsync(ports, "template-sync") == syncsBefore && ran.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(200);
            }

            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Equal(syncsBefore + 1, await JobRunsAsync(ports, "template-sync"));
        }
        finally
        {
            if (browser is not null)
            {
                await browser.DisposeAsync();
            }

            playwright?.Dispose();
            if (nginx is not null)
            {
                await nginx.DisposeAsync();
            }

            foreach (var node in nodes)
            {
                if (node is not null)
                {
                    await node.DisposeAsync();
                }
            }

            await database.DropAsync();
        }
    }

    private static async Task<(IPlaywright, IBrowser)> LaunchChromiumAsync()
    {
        Assertions.SetDefaultExpectTimeout(30_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = UiFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-quic"],
        });
        return (playwright, browser);
    }

    /// <summary>The supervisor logs in through nginx and opens the live queue, interactive (its circuit on one node).</summary>
    private static async Task<IPage> OpenLiveQueueAsync(IBrowser browser, NginxProxy nginx)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = nginx.BaseUrl, Locale = "en-US" });
        var page = await context.NewPageAsync();
        var console = new ConcurrentQueue<string>();
        page.Console += (_, message) => console.Enqueue($"[{message.Type}] {message.Text}");
        await page.GotoAsync("/account/login");
        await page.GetByTestId("login-username").FillAsync("supervisor");
        await page.GetByTestId("login-password").FillAsync(UiHost.DemoPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        try
        {
            await Expect(page.Locator(".app-shell[data-interactive=true]")).ToHaveCountAsync(1);
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException($"The supervisor's page did not come alive at {page.Url}: {e.Message}\nnginx:\n{nginx.LogTail()}\nconsole:\n{string.Join('\n', console)}", e);
        }

        await page.GotoAsync("/queue/live");
        await Expect(page.Locator(".app-shell[data-interactive=true]")).ToHaveCountAsync(1);
        return page;
    }

    /// <summary>Where the run is, with the time: the test's stages take seconds each, and a slow machine shows here.</summary>
    private static void Trace(string stage) =>
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "cc-several-nodes.log"), $"{DateTime.UtcNow:HH:mm:ss.fff} {stage}{Environment.NewLine}");

    /// <summary>How many times the job ran, summed over the nodes (each counts its own runs since it started).</summary>
    private static async Task<int> JobRunsAsync(int[] ports, string job)
    {
        var runs = 0;
        foreach (var port in ports)
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminApiKey);
            var jobs = await client.GetFromJsonAsync<JsonElement>("/api/v1/jobs");
            runs += jobs.EnumerateArray().Single(j => j.GetProperty("name").GetString() == job).GetProperty("runsOnThisNode").GetInt32();
        }

        return runs;
    }

    private static async Task<HttpClient> LogInAsync(string baseUrl, string userName)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(10),
        };
        client.DefaultRequestHeaders.Add("Origin", baseUrl);
        (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = UiHost.DemoPassword })).EnsureSuccessStatusCode();
        return client;
    }

    private static string RequirePostgres()
    {
        var connection = Environment.GetEnvironmentVariable("CC_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(connection))
        {
            SkipOrFail("PostgreSQL is not configured here: set CC_TEST_POSTGRES (as .ci/run does) to run the multi-node test.");
        }

        return connection!;
    }

    private static void SkipOrFail(string reason)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("CI must run the multi-node test: " + reason);
        }

        Assert.Skip(reason);
    }

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ContactCenter.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ContactCenter.sln not found above the test folder.");
    }
}
