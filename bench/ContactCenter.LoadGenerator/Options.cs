using System.Globalization;

namespace ContactCenter.LoadGenerator;

internal enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>The stand-in's injected faults, so the self-test can prove the checks catch loss and duplicates.</summary>
internal enum SelfTestFault
{
    None,
    Lose,
    Duplicate,
}

/// <summary>Command-line options. Every phase is bounded: the measured phase by <see cref="Duration"/> (and
/// optionally <see cref="Count"/>), the waits by <see cref="SettleTimeout"/>, the whole run by a deadline.</summary>
internal sealed record Options
{
    public Provider Provider { get; init; } = Provider.Sqlite;
    public Uri? Url { get; init; }
    public string? ApiKey { get; init; }
    public string Postgres { get; init; } = "Host=127.0.0.1;Username=cc;Password=cc;Database=cc_test";
    public string? HostDll { get; init; }
    public int Connections { get; init; } = 16;
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);
    public long? Count { get; init; }
    public int SampleEvery { get; init; } = 100;
    public int Duplicates { get; init; } = 500;
    public int Phones { get; init; } = 1000;
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromSeconds(120);
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(120);
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(20);
    public bool SkipBaseline { get; init; }
    public bool SelfTest { get; init; }
    public SelfTestFault Fault { get; init; }
    public string? ResultsDir { get; init; }
    public bool Strict { get; init; }
    public bool Keep { get; init; }

    /// <summary>Every k-th webhook of the load is signed but unreadable (0 = none): it must be set aside without
    /// taking the rest of its batch with it.</summary>
    public int MalformedEvery { get; init; }

    /// <summary>After this many acknowledged webhooks of the load the host is killed (-9) mid-batch and started again.</summary>
    public long? KillAfter { get; init; }

    /// <summary>After the inbound checks, one reply in each of this many conversations, sent by the outbox to a fake
    /// Graph API on loopback (0 = none).</summary>
    public int Outbound { get; init; }

    /// <summary>The host's outbound rate limit per account (<c>ContactCenter:Outbox:MessagesPerSecond</c>); null = the product's default.</summary>
    public double? OutboundRate { get; init; }

    /// <summary>Agents whose open Chromium page is timed while their contacts write (0 = none): issue 10's live
    /// delivery, at rest before the load and again while the load runs.</summary>
    public int LiveWatchers { get; init; }

    /// <summary>Live messages per phase (at rest, under load), one every <see cref="LiveInterval"/>, in turn to each watcher.</summary>
    public int LiveMessages { get; init; } = 100;

    public TimeSpan LiveInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Issue 10's memory mode: this many open conversations (one sender phone each), made through the webhook path
    /// (null = not the memory mode).</summary>
    public int? MemoryConversations { get; init; }

    /// <summary>Agents created as users (team member, available) once the conversations are processed.</summary>
    public int MemoryAgents { get; init; }

    /// <summary>How many of those agents have an inbox open in Chromium, step by step (cumulative), the host's memory read after each.</summary>
    public IReadOnlyList<int> MemoryPages { get; init; } = [];

    /// <summary>Chromium for the browser phases (default: <c>CC_TEST_CHROMIUM</c>, else /usr/bin/chromium).</summary>
    public string Chromium { get; init; } =
        Environment.GetEnvironmentVariable("CC_TEST_CHROMIUM") is { Length: > 0 } chromium ? chromium : "/usr/bin/chromium";

    public bool UsesBrowser => LiveWatchers > 0 || MemoryPages.Count > 0;
    public bool Help { get; init; }

    /// <summary>Past this the run gives up whatever it is doing (a hung host cannot keep it alive).</summary>
    public TimeSpan Deadline =>
        StartTimeout + 2 * (Warmup + Duration + RequestTimeout) + 3 * SettleTimeout + TimeSpan.FromMinutes(2)
        + (LiveWatchers > 0 ? 2 * LiveMessages * LiveInterval + TimeSpan.FromMinutes(5) : TimeSpan.Zero)
        + (MemoryConversations is null ? TimeSpan.Zero
            : MemoryAgents * TimeSpan.FromSeconds(1) + (MemoryPages.Count > 0 ? MemoryPages[^1] : 0) * TimeSpan.FromSeconds(10) + TimeSpan.FromMinutes(10));

    public static Options Parse(IReadOnlyList<string> args)
    {
        var o = new Options();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inline = null;
            if (arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0 && arg.StartsWith("--", StringComparison.Ordinal))
            {
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            string Value() => inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"{arg} needs a value."));
            o = arg switch
            {
                "--provider" => o with { Provider = Value().ToLowerInvariant() switch
                {
                    "sqlite" => Provider.Sqlite,
                    "postgres" or "postgresql" => Provider.Postgres,
                    var v => throw new UsageException($"--provider '{v}': use sqlite or postgres."),
                } },
                "--url" => o with { Url = LoopbackUrl(Value()) },
                "--api-key" => o with { ApiKey = Value() },
                "--postgres" => o with { Postgres = Value() },
                "--host-dll" => o with { HostDll = Value() },
                "--connections" => o with { Connections = Int(arg, Value(), 1, 1024) },
                "--warmup" => o with { Warmup = Time(arg, Value(), allowZero: true) },
                "--duration" => o with { Duration = Time(arg, Value(), allowZero: false) },
                "--count" => o with { Count = Int(arg, Value(), 1, 50_000_000) },
                "--sample-every" => o with { SampleEvery = Int(arg, Value(), 1, 1_000_000) },
                "--duplicates" => o with { Duplicates = Int(arg, Value(), 0, 100_000) },
                "--phones" => o with { Phones = Int(arg, Value(), 1, 10_000_000) },
                "--request-timeout" => o with { RequestTimeout = Time(arg, Value(), allowZero: false) },
                "--settle-timeout" => o with { SettleTimeout = Time(arg, Value(), allowZero: false) },
                "--start-timeout" => o with { StartTimeout = Time(arg, Value(), allowZero: false) },
                "--poll-interval" => o with { PollInterval = Time(arg, Value(), allowZero: false) },
                "--skip-baseline" => o with { SkipBaseline = true },
                "--self-test" => o with { SelfTest = true },
                "--self-test-fault" => o with { Fault = Enum.TryParse<SelfTestFault>(Value(), true, out var f)
                    ? f : throw new UsageException("--self-test-fault: use none, lose or duplicate.") },
                "--results-dir" => o with { ResultsDir = Value() },
                "--strict" => o with { Strict = true },
                "--keep" => o with { Keep = true },
                "--malformed-every" => o with { MalformedEvery = Int(arg, Value(), 0, 1_000_000) },
                "--outbound" => o with { Outbound = Int(arg, Value(), 0, 1_000_000) },
                "--outbound-rate" => o with { OutboundRate = Int(arg, Value(), 1, 1_000_000) },
                "--kill-after" => o with { KillAfter = Int(arg, Value(), 1, 50_000_000) },
                "--live-watchers" => o with { LiveWatchers = Int(arg, Value(), 0, 100) },
                "--live-messages" => o with { LiveMessages = Int(arg, Value(), 1, 100_000) },
                "--live-interval" => o with { LiveInterval = Time(arg, Value(), allowZero: false) },
                "--memory-conversations" => o with { MemoryConversations = Int(arg, Value(), 1, 1_000_000) },
                "--memory-agents" => o with { MemoryAgents = Int(arg, Value(), 0, 100_000) },
                "--memory-pages" => o with { MemoryPages = Steps(arg, Value()) },
                "--chromium" => o with { Chromium = Value() },
                "-h" or "--help" => o with { Help = true },
                _ => throw new UsageException($"Unknown option '{args[i]}'. Run with --help."),
            };
        }

        if (o.Duration > TimeSpan.FromHours(1) || o.Warmup > TimeSpan.FromMinutes(10) || o.SettleTimeout > TimeSpan.FromMinutes(30))
        {
            throw new UsageException("Keep --duration ≤ 1h, --warmup ≤ 10m and --settle-timeout ≤ 30m: the tool always stops by itself.");
        }

        if (o.Url is not null && o.SelfTest)
        {
            throw new UsageException("--self-test starts its own stand-in endpoint; it cannot be combined with --url.");
        }

        if (o.Url is not null && string.IsNullOrWhiteSpace(o.ApiKey))
        {
            throw new UsageException("--url needs --api-key (an admin API key of that host).");
        }

        if (o.Fault != SelfTestFault.None && !o.SelfTest)
        {
            throw new UsageException("--self-test-fault only applies to --self-test.");
        }

        if ((o.MalformedEvery > 0 || o.KillAfter is not null) && o.SelfTest)
        {
            throw new UsageException("--malformed-every and --kill-after are faults of the product; the stand-in has --self-test-fault.");
        }

        if ((o.Outbound > 0 || o.OutboundRate is not null) && (o.SelfTest || o.Url is not null))
        {
            throw new UsageException("--outbound needs the host the tool starts (its account points at the tool's fake Graph API).");
        }

        if (o.KillAfter is not null && o.Url is not null)
        {
            throw new UsageException("--kill-after needs the host the tool starts (it kills and restarts it); not with --url.");
        }

        if ((o.LiveWatchers > 0 || o.MemoryConversations is not null || o.MemoryAgents > 0 || o.MemoryPages.Count > 0) && o.SelfTest)
        {
            throw new UsageException("--live-watchers and the memory mode measure the product's pages; the stand-in has none.");
        }

        if ((o.MemoryAgents > 0 || o.MemoryPages.Count > 0) && o.MemoryConversations is null)
        {
            throw new UsageException("--memory-agents and --memory-pages belong to the memory mode: add --memory-conversations <n>.");
        }

        if (o.MemoryPages.Count > 0 && o.MemoryPages[^1] > o.MemoryAgents)
        {
            throw new UsageException($"--memory-pages: {o.MemoryPages[^1]} pages need as many agents (--memory-agents {o.MemoryAgents}).");
        }

        if (o.MemoryConversations is { } conversations)
        {
            // One phone per conversation, every phone writing once (no warm-up: it would add messages, not conversations),
            // and the drain of that many first messages can take minutes on this machine.
            o = o with
            {
                Count = conversations,
                Phones = conversations,
                Warmup = TimeSpan.Zero,
                Duration = o.Duration < TimeSpan.FromMinutes(10) ? TimeSpan.FromMinutes(10) : o.Duration,
            };
        }

        if (o.Provider == Provider.Postgres)
        {
            Loopback.RequirePostgres(o.Postgres);
        }

        return o;
    }

    private static Uri LoopbackUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--url '{text}' is not an absolute http:// address.");
        }

        return Loopback.IsLoopbackHost(uri.Host)
            ? new Uri(uri.GetLeftPart(UriPartial.Authority))
            : throw new UsageException($"--url '{text}': only loopback targets (127.0.0.1, ::1) are allowed.");
    }

    /// <summary>"25,50,100": increasing whole numbers.</summary>
    internal static IReadOnlyList<int> Steps(string name, string text)
    {
        var steps = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var n = Int(name, part, 1, 100_000);
            if (steps.Count > 0 && n <= steps[^1])
            {
                throw new UsageException($"{name} '{text}': list increasing numbers of pages, such as 25,50,100.");
            }

            steps.Add(n);
        }

        return steps.Count > 0 ? steps : throw new UsageException($"{name} '{text}': list numbers of pages, such as 25,50,100.");
    }

    private static int Int(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new UsageException($"{name} '{text}': use a whole number from {min} to {max}.");

    /// <summary>"30s", "2m", "500ms", or a plain number of seconds.</summary>
    internal static TimeSpan Time(string name, string text, bool allowZero)
    {
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : text.EndsWith('h') ? (text[..^1], 3600.0)
            : (text, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
               && (value > 0 || (allowZero && value == 0)) && value * unit <= 24 * 3600
            ? TimeSpan.FromSeconds(value * unit)
            : throw new UsageException($"{name} '{text}': use a duration such as 30s, 2m or 500ms.");
    }
}

/// <summary>A mistake on the command line: exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The target or its environment cannot be measured (no endpoint, refused key, host died): exit code 3.</summary>
internal sealed class TargetException(string message) : Exception(message);
