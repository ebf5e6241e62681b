using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using Npgsql;
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

        var database = "cc_nodes_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(adminConnection, $"CREATE DATABASE {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(adminConnection) { Database = database }.ConnectionString;
        var ports = new[] { UiHost.FreePort(), UiHost.FreePort() };
        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Default"] = connectionString,
            ["ContactCenter__KnownProxies__0"] = "127.0.0.1",
            ["ContactCenter__Bootstrap__AdminApiKey"] = AdminApiKey,
        };
        var nodes = new UiHost?[2];
        NginxProxy? nginx = null;
        IPlaywright? playwright = null;
        IBrowser? browser = null;
        try
        {
            // One after the other: the first migrates and seeds, the second finds it done.
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
            Assertions.SetDefaultExpectTimeout(30_000);
            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = UiFixture.ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-quic"],
            });
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
            var watched = nginx.LastNodeFor("/_blazor") ?? throw new InvalidOperationException("The circuit's node is not in nginx's log.");
            var survivor = Array.FindIndex(ports, p => watched.EndsWith(":" + p, StringComparison.Ordinal));
            Assert.True(survivor >= 0, $"The circuit went to {watched}, not to a node of this test.");
            var victim = 1 - survivor;
            Trace("browser");

            using var anaClient = await LogInAsync(nginx.BaseUrl, "ana");
            using var brunoClient = await LogInAsync(nginx.BaseUrl, "bruno");
            (await admin.PutAsJsonAsync($"/api/v1/agents/{ana}/presence", new { presence = "available" })).EnsureSuccessStatusCode();
            (await admin.PutAsJsonAsync($"/api/v1/agents/{bruno}/presence", new { presence = "available" })).EnsureSuccessStatusCode();

            // The load: webhooks from 40 contacts over both nodes; the agents answer each conversation given to them once.
            var acknowledged = new ConcurrentBag<string>();
            var notAcknowledged = 0;
            var replies = new ConcurrentDictionary<Guid, Guid>(); // conversation → the reply's message id
            // The load runs until the killed node is back and has taken its share for a few seconds (bounded: see below).
            using var stop = new CancellationTokenSource(MaxLoad);
            var phones = Enumerable.Range(0, 40).Select(i => "5511955" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var senders = Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
            {
                var n = 0;
                while (!stop.IsCancellationRequested)
                {
                    var id = $"sbx-nodes-{worker}-{n++}";
                    try
                    {
                        await PostWebhookAsync(nginx.BaseUrl, account, id, phones[Random.Shared.Next(phones.Length)]);
                        acknowledged.Add(id);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
                    {
                        Interlocked.Increment(ref notAcknowledged);
                    }
                }
            })).ToList();
            var answering = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await AnswerNewAsync(connectionString, ana, anaClient, replies);
                    await AnswerNewAsync(connectionString, bruno, brunoClient, replies);
                    await Task.Delay(300);
                }
            });

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
            await stop.CancelAsync();
            await Task.WhenAll([.. senders, answering]);
            Trace("load done");

            // Settle: every acknowledged message stored, every reply accepted by the channel.
            var ids = acknowledged.ToArray();
            var settled = Stopwatch.StartNew();
            Dictionary<string, long> stored;
            while (true)
            {
                stored = await CountByProviderIdAsync(connectionString, ids);
                var sent = await QueryLongAsync(connectionString, """SELECT count(*) FROM "Channels_Outbox" WHERE "HostMessageId" = ANY(@ids) AND "Status" = 'Accepted'""", [.. replies.Values]);
                if ((stored.Count == ids.Length && sent == replies.Count) || settled.Elapsed > TimeSpan.FromSeconds(45))
                {
                    break;
                }

                await Task.Delay(500);
            }

            var lost = ids.Count(id => !stored.ContainsKey(id));
            var doubled = stored.Count(s => s.Value > 1);
            var doubleAssignments = await QueryLongAsync(connectionString, """
                SELECT count(*) FROM (SELECT "SubjectId" FROM "Queues_RoutingDecisions" WHERE "ChosenAgentId" IS NOT NULL
                GROUP BY "SubjectId" HAVING count(*) > 1) twice
                """, []);
            var overCapacity = await QueryLongAsync(connectionString, """
                SELECT count(*) FROM "Queues_Agents" a
                WHERE (SELECT count(*) FROM "Conversations_Conversations" c WHERE c."AssignedAgentId" = a."UserId" AND c."FinishedAt" IS NULL) > a."MaxConcurrentConversations"
                """, []);
            var sentTwice = await QueryLongAsync(connectionString, """
                SELECT count(*) FROM (SELECT "HostMessageId" FROM "Channels_Outbox" WHERE "HostMessageId" = ANY(@ids)
                GROUP BY "HostMessageId" HAVING count(*) > 1 OR max("Attempts") > 1) twice
                """, [.. replies.Values]);
            var repliesSent = await QueryLongAsync(connectionString, """SELECT count(*) FROM "Channels_Outbox" WHERE "HostMessageId" = ANY(@ids) AND "Status" = 'Accepted'""", [.. replies.Values]);
            var failedInbox = await QueryLongAsync(connectionString, """SELECT count(*) FROM "Channels_Inbox" WHERE "Status" <> 'Processed'""", []);
            var summary = $"acknowledged {ids.Length}, not acknowledged {notAcknowledged}, processed {stored.Count}, lost {lost}, doubled {doubled}, " +
                $"double assignments {doubleAssignments}, agents over capacity {overCapacity}, replies {replies.Count}, replies sent {repliesSent}, " +
                $"sent twice {sentTwice}, inbox rows not processed {failedInbox}";
            TestContext.Current.SendDiagnosticMessage("Several nodes: " + summary);
            Trace(summary);
            Trace("summary");
            Console.WriteLine("Several nodes: " + summary);

            Assert.True(ids.Length > 100, "Too little load to prove anything: " + summary);
            Assert.True(replies.Count >= 4, "The agents answered too little to prove anything: " + summary);
            Assert.Equal((0, 0, 0L, 0L, 0L, 0L), (lost, doubled, doubleAssignments, overCapacity, sentTwice, failedInbox));
            Assert.Equal(replies.Count, repliesSent);

            // The surviving node's page still follows changes, whichever node makes them (round robin: both).
            var carlaRow = page.Locator("[data-testid=live-agent][data-agent='Carla Suporte']");
            var pushed = new LocatorAssertionsToHaveTextOptions { Timeout = 5_000 };
            foreach (var (presence, shown) in new[] { ("available", "Disponível"), ("away", "Ausente"), ("available", "Disponível"), ("offline", "Offline") })
            {
                (await admin.PutAsJsonAsync($"/api/v1/agents/{carla}/presence", new { presence })).EnsureSuccessStatusCode();
                await Expect(carlaRow.GetByTestId("live-agent-presence")).ToHaveTextAsync(shown, pushed);
            }

            var anasLoad = await QueryLongAsync(connectionString, $"""SELECT count(*) FROM "Conversations_Conversations" WHERE "AssignedAgentId" = '{ana}' AND "FinishedAt" IS NULL""", []);
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

            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(adminConnection, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
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

    private static async Task PostWebhookAsync(string baseUrl, string account, string id, string phone)
    {
        var payload = new
        {
            messages = new[] { new { id, from = phone, name = "Cliente " + phone[^4..], timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), type = "text", text = "Olá " + id } },
        };
        await SandboxWebhook.PostAsync(baseUrl, account, payload);
    }

    /// <summary>Replies once in each conversation given to the agent that has no reply yet.</summary>
    private static async Task AnswerNewAsync(string connectionString, Guid agent, HttpClient client, ConcurrentDictionary<Guid, Guid> replies)
    {
        List<Guid> mine = [];
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""SELECT "Id" FROM "Conversations_Conversations" WHERE "AssignedAgentId" = @agent""", connection);
            command.Parameters.AddWithValue("agent", agent);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                mine.Add(reader.GetGuid(0));
            }
        }

        foreach (var conversation in mine.Where(c => !replies.ContainsKey(c)))
        {
            try
            {
                var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "Olá, já vejo isso." });
                if (response.IsSuccessStatusCode)
                {
                    replies[conversation] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // A node went away mid-request: answered again next round if it did not take.
            }
        }
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

    private static async Task<Dictionary<string, long>> CountByProviderIdAsync(string connectionString, string[] ids)
    {
        var counts = new Dictionary<string, long>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT "ProviderMessageId", count(*) FROM "Conversations_Messages" WHERE "ProviderMessageId" = ANY(@ids) GROUP BY "ProviderMessageId"
            """, connection);
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    private static async Task<long> QueryLongAsync(string connectionString, string sql, Guid[] ids)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ids", ids);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
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
