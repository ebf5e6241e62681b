namespace ContactCenter.LoadGenerator;

internal static class LoadGeneratorApp
{
    public const int Ok = 0;
    public const int LostOrDoubled = 1;
    public const int Usage = 2;
    public const int Unmeasurable = 3;
    public const int TargetMissed = 4;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter progress, CancellationToken cancel)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (UsageException e)
        {
            await progress.WriteLineAsync($"error: {e.Message}");
            return Usage;
        }

        if (options.Help)
        {
            await output.WriteAsync(HelpText);
            return Ok;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(options.Deadline);
        try
        {
            var (report, _) = await new BenchmarkRun(options, output, progress, RepoRoot()).RunAsync(deadline.Token);
            return !report.NothingLostOrDoubled ? LostOrDoubled
                : options.Strict && !report.TargetsMet ? TargetMissed
                : Ok;
        }
        catch (TargetException e)
        {
            await progress.WriteLineAsync($"error: {e.Message}");
            return Unmeasurable;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            await progress.WriteLineAsync(cancel.IsCancellationRequested
                ? "error: cancelled."
                : $"error: the run passed its deadline ({options.Deadline.TotalMinutes:0} min) and was stopped.");
            return Unmeasurable;
        }
    }

    /// <summary>The folder holding ContactCenter.sln, found upwards from here or from the tool; else the current one.</summary>
    internal static string RepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ContactCenter.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private const string HelpText = """
        ContactCenter webhook load generator (see bench/README.md)

        Starts the host (or attaches to one) over a fresh database, posts signed WhatsApp webhooks over loopback,
        and reports accepted webhooks/s, acknowledgement latency, time until visible, nothing lost, duplicate
        deliveries, and the rate of plain durable inserts into the same database as a baseline.

          --provider sqlite|postgres   database (default sqlite)
          --postgres <conn>            server for the fresh database (default Host=127.0.0.1;Username=cc;Password=cc;Database=cc_test)
          --url http://127.0.0.1:<p>   attach to a running host instead (needs --api-key; loopback only)
          --api-key <key>              admin API key of the attached host
          --host-dll <path>            host to start (default host/ContactCenter.Host/bin/Release/net10.0/ContactCenter.Host.dll)
          --connections <n>            concurrent connections (default 16)
          --warmup <t>                 warm-up, not measured (default 3s)
          --duration <t>               measured phase (default 30s); always the upper bound
          --count <n>                  stop the measured phase after n webhooks (if before --duration)
          --sample-every <k>           watch every k-th message until visible (default 100)
          --poll-interval <t>          how often a watched message is looked up (default 20ms)
          --duplicates <n>             messages re-posted as duplicate deliveries (default 500; 0 = skip)
          --phones <n>                 distinct sender phones (default 1000)
          --request-timeout <t>        per request (default 10s)
          --settle-timeout <t>         wait for the backlog to be processed (default 120s)
          --start-timeout <t>          wait for the host to be ready, and for each memory-mode page to log in and connect (default 120s)
          --skip-baseline              do not measure plain inserts
          --results-dir <dir>          where <date>-<provider>.md goes (default bench/results)
          --self-test                  measure the tool's own stand-in endpoint, not the product
          --self-test-fault lose|duplicate   break the stand-in on purpose: the run must exit 1
          --strict                     exit 4 when a target of the issue is missed
          --keep                       keep the database and data folder (host.log) for inspection
          --malformed-every <k>        fault: every k-th webhook is signed but unreadable; the others must all be stored once
          --outbound <n>               then one reply in each of n conversations, sent to a fake Graph API on loopback
          --outbound-rate <r>          the host's outbound limit per account, messages/s (default: the product's, 80)
          --kill-after <n>             fault: kill -9 the host after n acknowledged webhooks of the load, restart it, go on
          --live-watchers <n>          n agents hold their conversation open in Chromium; their contacts' messages are timed
                                       from the webhook's 2xx to the text in the page, at rest and under the load (<date>-<provider>-live.md)
          --live-messages <n>          live messages per phase (default 100)
          --live-interval <t>          one live message every t, in turn to each agent (default 200ms)
          --memory-conversations <n>   memory mode: n open conversations (one phone each, through the webhooks), then
          --memory-agents <n>            n agents (users, in a team on the number, available), then
          --memory-pages <a,b,c>         a, then b, then c of their inboxes open in Chromium; host RSS and GC heap after
                                         each step and the cost per connected agent (<date>-<provider>-memory.md)
          --chromium <path>            Chromium for the browser phases (default $CC_TEST_CHROMIUM, else /usr/bin/chromium)

        Exit codes: 0 ok, 1 lost/doubled/never visible, 2 usage, 3 target not measurable, 4 --strict and a target missed.

        """;
}
