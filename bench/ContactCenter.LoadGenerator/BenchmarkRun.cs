using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using ContactCenter.LoadGenerator.Checks;
using ContactCenter.LoadGenerator.Live;
using ContactCenter.LoadGenerator.Load;
using ContactCenter.LoadGenerator.Memory;
using ContactCenter.LoadGenerator.Outbound;
using ContactCenter.LoadGenerator.Report;
using ContactCenter.LoadGenerator.SelfTest;
using ContactCenter.LoadGenerator.Target;

namespace ContactCenter.LoadGenerator;

/// <summary>One run, in order: fresh database → target → channel account → preflight → baseline inserts →
/// webhook load → visibility → nothing lost → duplicate deliveries → report. Cleans up whatever happens.</summary>
internal sealed class BenchmarkRun(Options options, TextWriter output, TextWriter progress, string repoRoot)
{
    /// <summary>Message numbers past any load's reach, for the preflight and the duplicate phase's sentinel.</summary>
    private const long PreflightSeq = 9_000_000_000;
    private const long SentinelSeq = 9_000_000_001;

    public async Task<(RunReport Report, string File)> RunAsync(CancellationToken ct)
    {
        var started = TimeProvider.System.GetUtcNow().UtcDateTime;
        var runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var apiKey = options.ApiKey ?? "cc_bench_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var appSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var phoneNumberId = "1065" + RandomNumberGenerator.GetInt32(100_000_000, 999_999_999);

        await using var database = await ScratchDatabase.CreateAsync(options.Provider, options.Postgres, runId, options.Keep, ct);
        await using var standIn = options.SelfTest ? await StandInHost.StartAsync(database, apiKey, options.Fault, ct) : null;
        var hostDll = options.HostDll ?? Path.Combine(repoRoot, "host", "ContactCenter.Host", "bin", "Release", "net10.0", "ContactCenter.Host.dll");
        await using var host = options.SelfTest || options.Url is not null ? null
            : await Step("Starting the host", () => ProductHost.StartAsync(hostDll, database, apiKey, options.StartTimeout, ct, HostSettings()));
        await using var graph = options.Outbound > 0 ? await FakeGraphApi.StartAsync(ct) : null;
        var url = standIn?.Url ?? host?.Url ?? options.Url!;
        var (target, databaseText, baselineText) = Describe(url, database, hostDll);

        using var client = new HostClient(url, apiKey, options.Connections, options.RequestTimeout);
        var accountId = await Step("Creating the channel account",
            () => client.CreateChannelAccountAsync($"Bench {runId}", phoneNumberId, "102290129340398", appSecret, graph?.BaseUrl, ct));
        var payloads = new WebhookPayloads(runId, Encoding.UTF8.GetBytes(appSecret), phoneNumberId, "102290129340398",
            options.Phones, TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());
        var audit = new DeliveryAudit(client, payloads, 16, options.SettleTimeout);
        await Step("Preflight: one signed webhook, until visible", () => PreflightAsync(client, payloads, audit, accountId, ct));

        // Live delivery: agents' pages open on their conversations, timed at rest now and again under the load below.
        await using var browser = options.LiveWatchers > 0 ? await Step("Launching Chromium", () => AgentBrowser.LaunchAsync(options.Chromium, url)) : null;
        var live = browser is null ? null : await Step($"Live delivery: {options.LiveWatchers} agent(s) with their conversation open",
            () => LiveDelivery.PrepareAsync(client, browser, runId, appSecret, options.LiveWatchers, options.SettleTimeout, progress, ct));
        var livePhases = new List<LiveResult>();
        if (live is not null)
        {
            livePhases.Add(await Step("Live delivery at rest", () => live.RunAsync("at rest", options.LiveMessages, options.LiveInterval, ct)));
        }

        var baseline = options.SkipBaseline ? null : await Step("Baseline: plain durable inserts",
            () => new BaselineInserts(database, payloads, accountId).RunAsync(Loop(), options.Connections, ct));

        var acknowledged = new ConcurrentQueue<long>([PreflightSeq]);
        var unacknowledged = new ConcurrentQueue<long>();
        var sampler = new VisibilitySampler(client, payloads, options.PollInterval, options.SettleTimeout);
        var cpuBefore = host?.CpuTime;
        var loadStartedAt = Stopwatch.GetTimestamp();
        var faults = new LoadFaults();
        Task? restart = null;
        var liveUnderLoad = live is null ? null : Task.Run(async () =>
        {
            await Task.Delay(options.Warmup, ct);
            return await live.RunAsync("under load", options.LiveMessages, options.LiveInterval, ct);
        }, ct);
        var webhooks = await Step("Webhook load", () => Loop().RunAsync(async (seq, token) =>
        {
            // While the killed host starts again the load waits for it, as a provider's retries would.
            if (Volatile.Read(ref restart) is { IsCompleted: false } pending)
            {
                await pending.WaitAsync(token);
            }

            var malformed = options.MalformedEvery > 0 && seq % options.MalformedEvery == options.MalformedEvery - 1;
            var body = malformed ? payloads.Unreadable(seq) : payloads.Body(seq);
            var signature = payloads.Sign(body);
            var sentAt = Stopwatch.GetTimestamp();
            var outcome = await client.PostWebhookAsync(accountId, body, signature, token);
            if (malformed)
            {
                faults.Malformed(outcome.Kind == OutcomeKind.Accepted);
            }
            else if (outcome.Kind != OutcomeKind.Accepted)
            {
                unacknowledged.Enqueue(seq);
            }
            else
            {
                acknowledged.Enqueue(seq);
                if (seq % options.SampleEvery == 0)
                {
                    sampler.Track(seq, sentAt, ct);
                }

                if (host is not null && options.KillAfter is { } killAfter && faults.Acknowledged() == killAfter)
                {
                    Volatile.Write(ref restart, faults.TimeRestart(() => host.KillAndRestartAsync(options.StartTimeout, ct)));
                }
            }

            return outcome;
        }, ct));

        var loadEndedAt = Stopwatch.GetTimestamp();
        if (liveUnderLoad is not null)
        {
            livePhases.Add(await Step("Live delivery under load: waiting for its messages in the pages", () => liveUnderLoad));
        }

        var visibility = await Step("Waiting for the sampled messages", sampler.CompleteAsync);
        // The host's CPU over the load and the drain (read when the backlog is drained, before the audit's own
        // per-message lookups): what accepting and processing those messages cost it.
        TimeSpan? cpuAtDrain = null;
        var audited = await Step("Checking every message is stored exactly once",
            () => audit.RunAsync([.. acknowledged], [.. unacknowledged], loadEndedAt, () => cpuAtDrain = host?.CpuTime, ct));
        var hostCpu = options.KillAfter is null && cpuAtDrain is { } atDrain && cpuBefore is { } before ? atDrain - before : (TimeSpan?)null;
        var duplicates = options.Duplicates == 0 ? null : await Step("Duplicate deliveries",
            () => new DuplicateDeliveries(client, payloads, audit, accountId, options.Connections)
                .RunAsync([.. acknowledged], options.Duplicates, SentinelSeq, options.SettleTimeout, ct));

        var memoryMode = options.MemoryConversations is { } wanted ? await Step($"Memory mode: {options.MemoryAgents} agents, {options.MemoryPages.LastOrDefault()} pages",
            () => new MemoryPhase(client, url, host?.ProcessId, runId, accountId, options.Chromium, options.StartTimeout, progress).RunAsync(wanted, options.MemoryAgents, options.MemoryPages, ct)) : null;

        // The outbox's background loop off (replies queue up) or on again: a restart of the host the tool started.
        Task Sending(bool on) => host!.RestartAsync(
            new Dictionary<string, string> { ["ContactCenter__Outbox__BackgroundSending"] = on ? "true" : "false" }, options.StartTimeout, ct);
        var outbound = graph is null ? null : await Step($"Outbound: {options.Outbound} replies through the outbox",
            () => new OutboundPhase(client, graph, options.SettleTimeout, () => Sending(false), () => Sending(true))
                .RunAsync(options.Outbound, options.OutboundRate ?? 80, ct));

        // Read after the drain, so every acknowledged message's contact and conversation exists in the host.
        var memory = options.SelfTest ? null : await Step("Reading the host's memory", () => HostMemory.ReadAsync(url, host?.ProcessId, ct));
        var report = new RunReport(options, started, target, databaseText, baselineText, baseline, webhooks, visibility, audited, duplicates,
            Stopwatch.GetElapsedTime(loadStartedAt, loadEndedAt).TotalSeconds, memory, faults, outbound, hostCpu);
        var markdown = MarkdownReport.Render(report);
        await output.WriteAsync(markdown);
        var folder = options.ResultsDir ?? Path.Combine(repoRoot, "bench", "results");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{started:yyyy-MM-dd}-{options.Provider.ToString().ToLowerInvariant()}{(options.SelfTest ? "-self-test" : string.Empty)}.md");
        await File.WriteAllTextAsync(file, markdown, ct);
        await progress.WriteLineAsync($"Written to {file}");
        var stem = file[..^".md".Length];
        if (livePhases.Count > 0)
        {
            var liveMarkdown = BrowserReport.RenderLive(options, started, target, livePhases);
            await output.WriteAsync(liveMarkdown);
            await File.WriteAllTextAsync(stem + "-live.md", liveMarkdown, ct);
            await progress.WriteLineAsync($"Written to {stem}-live.md");
        }

        if (memoryMode is not null)
        {
            var memoryMarkdown = BrowserReport.RenderMemory(options, started, target, memoryMode);
            await output.WriteAsync(memoryMarkdown);
            await File.WriteAllTextAsync(stem + "-memory.md", memoryMarkdown, ct);
            await progress.WriteLineAsync($"Written to {stem}-memory.md");
        }

        return (report, file);
    }

    private Dictionary<string, string> HostSettings() => options.OutboundRate is { } rate
        ? new() { ["ContactCenter__Outbox__MessagesPerSecond"] = rate.ToString(System.Globalization.CultureInfo.InvariantCulture) }
        : [];

    private ClosedLoop Loop() => new(options.Connections, options.Warmup, options.Duration, options.Count);

    private static async Task PreflightAsync(HostClient client, WebhookPayloads payloads, DeliveryAudit audit, Guid accountId, CancellationToken ct)
    {
        var body = payloads.Body(PreflightSeq);
        var outcome = await client.PostWebhookAsync(accountId, body, payloads.Sign(body), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Refused when outcome.Status is 401 or 403:
                throw new TargetException($"The host refused a correctly signed webhook ({outcome.Status}): its signature check and this tool disagree.");
            case OutcomeKind.Refused:
                throw new TargetException($"The host answered {outcome.Status} to a signed webhook.");
            case OutcomeKind.TimedOut or OutcomeKind.Failed:
                throw new TargetException($"The webhook endpoint did not answer: {outcome.Detail ?? "timed out"}.");
        }

        var giveUpAt = Stopwatch.GetTimestamp() + (long)(Math.Min(60, audit.SettleSeconds) * Stopwatch.Frequency);
        if ((await audit.CountUntilAllFoundAsync([PreflightSeq], giveUpAt, ct))[PreflightSeq] != 1)
        {
            throw new TargetException("The first webhook was acknowledged but its message never showed up exactly once in " +
                "GET /api/v1/messages?providerMessageId=: is the inbox processor running?");
        }
    }

    private (string Target, string Database, string Baseline) Describe(Uri url, ScratchDatabase database, string hostDll)
    {
        var fresh = database.Provider == Provider.Postgres ? $"fresh PostgreSQL database `{database.Name}`" : "fresh SQLite file (WAL) in a temporary folder";
        if (options.SelfTest)
        {
            return ($"the load generator's own stand-in endpoint at {url}", fresh, "the same database, a table of its own");
        }

        return options.Url is null
            ? ($"ContactCenter host started by the tool ({Path.GetRelativePath(repoRoot, hostDll)}) at {url}", fresh, "the same database as the host, a table of its own, before the webhook load")
            : ($"an already running host at {url} (attached with --url)", "the host's own (not managed by the tool)",
                $"a {fresh} on the same machine — not the host's own database");
    }

    private async Task<T> Step<T>(string name, Func<Task<T>> step)
    {
        await progress.WriteLineAsync($"[{TimeProvider.System.GetUtcNow():HH:mm:ss}] {name}…");
        return await step();
    }

    private async Task Step(string name, Func<Task> step)
    {
        await progress.WriteLineAsync($"[{TimeProvider.System.GetUtcNow():HH:mm:ss}] {name}…");
        await step();
    }
}
