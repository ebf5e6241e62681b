using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ContactCenter.LoadGenerator.Checks;
using ContactCenter.LoadGenerator.Load;

namespace ContactCenter.LoadGenerator.Report;

internal static class MarkdownReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(RunReport r)
    {
        var o = r.Options;
        var provider = o.Provider == Provider.Postgres ? "PostgreSQL" : "SQLite";
        var s = new StringBuilder();
        s.AppendLine(Invariant, $"# Inbound webhook benchmark — {provider} — {r.StartedUtc:yyyy-MM-dd HH:mm} UTC");
        s.AppendLine();
        if (o.SelfTest)
        {
            s.AppendLine("> **Self-test of the load generator** (`--self-test`): measured against the tool's own in-process stand-in");
            s.AppendLine("> endpoint, **not the ContactCenter host**. It proves the tool works end to end; it says nothing about the product.");
            if (o.Fault != SelfTestFault.None)
            {
                s.AppendLine(Invariant, $"> The stand-in was broken on purpose (`--self-test-fault {o.Fault.ToString().ToLowerInvariant()}`): the checks below must fail.");
            }

            s.AppendLine();
        }

        s.AppendLine(Invariant, $"- Target: {r.Target}; database: {r.Database}.");
        s.AppendLine(Invariant, $"- Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; load generator and target on the same machine; " +
            $"load average (1/5/15 min) at the end of the run: {LoadAverage.Now()}.");
        var measured = o.Count is { } c ? $"{Text(c)} messages or {Seconds(o.Duration)}, whichever first" : Seconds(o.Duration);
        s.AppendLine(Invariant, $"- Load: {o.Connections} concurrent connections (closed loop), {Seconds(o.Warmup)} warm-up then {measured} measured; {Text(o.Phones)} sender phones; " +
            $"1 in {o.SampleEvery} messages watched until visible (polled every {o.PollInterval.TotalMilliseconds:0} ms); {Text(o.Duplicates)} duplicate deliveries.");
        s.AppendLine(Invariant, $"- Baseline: {r.BaselineDatabase}.");
        s.AppendLine();

        var w = r.Webhooks;
        var postgres = o.Provider == Provider.Postgres;
        s.AppendLine("| Figure | Result | Target (issue 3) |");
        s.AppendLine("|---|---|---|");
        Row(s, "Accepted webhooks/s, sustained", $"{Text(w.Rate)} /s",
            postgres ? $"≥ 2,000 /s: {Verdict(r.RateMet)}" : "(≥ 2,000 /s is the PostgreSQL target)");
        Row(s, "Acknowledgement latency p50 / p99 / p99.9 (max)", Latency(w.Latency),
            $"p99 ≤ 50 ms: {Verdict(r.LatencyMet)}");
        Row(s, "Plain durable inserts/s, same concurrency, one transaction each", r.Baseline is { } b
            ? $"{Text(b.Rate)} /s (latency {Latency(b.Latency)})" : "not measured (--skip-baseline)", "—");
        Row(s, "Webhook rate ÷ plain insert rate", r.Ratio is { } ratio ? $"{ratio.ToString("0.00", Invariant)} ({ratio.ToString("0%", Invariant)})" : "—",
            r.Ratio is { } met ? $"≥ 0.5 (issue 10): {Verdict(met >= 0.5)}" : "≥ 0.5 (issue 10)");
        Row(s, "Sent → stored and visible through the API, p50 / p99 (max)", r.Visibility.VisibleAfter.Count == 0 ? "no samples"
            : $"{Ms(r.Visibility.VisibleAfter.P50)} / {Ms(r.Visibility.VisibleAfter.P99)} ms ({Ms(r.Visibility.VisibleAfter.Max)} ms), n = {Text(r.Visibility.VisibleAfter.Count)}"
              + (r.Visibility.NeverVisible.Count > 0 ? $", **{Text(r.Visibility.NeverVisible.Count)} never visible**" : string.Empty), "—");
        Row(s, "Backlog drained (end of load → the newest acknowledged messages visible; the per-message audit after it is not counted)", r.Audit.DrainedAfterSeconds is { } d ? $"{d.ToString("0.0", Invariant)} s" : "**never** (settle timeout)", "—");
        Row(s, "End to end: acknowledged ÷ (load + drain time)", r.EndToEndRate is { } e ? $"{Text(e)} /s" : "—",
            "processing keeps up when close to the accepted rate");
        if (r.HostCpu is { } cpu && r.Audit.DrainedAfterSeconds is { } drainedAfter && r.Audit.Acknowledged > 0)
        {
            var wall = r.LoadSeconds + drainedAfter;
            var perMessage = cpu.TotalMilliseconds / r.Audit.Acknowledged;
            Row(s, "Host CPU over load + drain: per acknowledged message; share of the wall time", $"{perMessage.ToString("0.0", Invariant)} ms CPU per message " +
                $"(so at most {Text(Environment.ProcessorCount * 1000 / perMessage)} msg/s on {Environment.ProcessorCount} cores); the host used {(cpu.TotalSeconds / wall).ToString("0.00", Invariant)} of a core's time",
                "≥ 2,000 msg/s needs ≤ " + (Environment.ProcessorCount * 1000 / RunReport.TargetRate).ToString("0.0", Invariant) + " ms CPU per message");
        }

        Row(s, "Measured webhooks: accepted / refused / timed out / failed", $"{Text(w.Accepted)} / {Text(w.Refused)} / {Text(w.TimedOut)} / {Text(w.Failed)}"
            + (w.RefusedByStatus.Count > 0 ? " (" + string.Join(", ", w.RefusedByStatus.Select(p => $"HTTP {p.Key}: {Text(p.Value)}")) + ")" : string.Empty), "—");
        Row(s, "Lost: acknowledged but never stored", $"{Text(r.Audit.Lost.Count)} of {Text(r.Audit.Acknowledged)} acknowledged", $"0: {Verdict(r.Audit.Lost.Count == 0)}");
        Row(s, "Stored more than once", Text(r.Audit.StoredMoreThanOnce.Count), $"0: {Verdict(r.Audit.StoredMoreThanOnce.Count == 0)}");
        Row(s, "Not acknowledged (stored once / sent)", $"{Text(r.Audit.UnacknowledgedStoredOnce)} / {Text(r.Audit.Unacknowledged)}", "may be stored once, never twice");
        if (r.Duplicates is { } dup)
        {
            Row(s, "Duplicate deliveries: re-posted / acknowledged / new messages", $"{Text(dup.RePosted)} / {Text(dup.Acknowledged)} / {Text(dup.NewMessages)}"
                + (dup.Vanished > 0 ? $", **{dup.Vanished} vanished**" : string.Empty) + (dup.SentinelVisible ? string.Empty : ", **sentinel never visible**"),
                $"0 new: {Verdict(dup.Passed)}");
        }

        if (r.Faults is { MalformedSent: > 0 } mf)
        {
            Row(s, "Fault: unreadable (signed, not JSON) webhooks among the load: sent / acknowledged", $"{Text(mf.MalformedSent)} / {Text(mf.MalformedAcknowledged)}",
                "set aside; every readable one above still stored once");
        }

        if (r.Faults is { Kills: > 0 } kf)
        {
            Row(s, "Fault: host killed (-9) mid-load after " + Text(o.KillAfter ?? 0) + " acknowledged, restarted on the same database",
                kf.RestartSeconds is { } back ? $"ready again after {back.ToString("0.0", Invariant)} s" : "**not back**",
                "nothing acknowledged lost; unanswered ones stored once at most");
        }

        if (r.Outbound is { } ob)
        {
            Row(s, "Outbound: replies queued (2xx) / sent to the fake Graph API (any) / queued but never sent / sent twice",
                $"{Text(ob.Queued)} / {Text(ob.Sent)} / {Text(ob.QueuedNotSent)} / {Text(ob.SentTwice)}"
                    + (ob.Sent > ob.Queued ? $" ({Text(ob.Sent - ob.Queued)} whose API call timed out were queued all the same, and sent once)" : string.Empty),
                $"every queued reply sent once: {Verdict(ob.Passed)}");
            Row(s, $"Outbound send rate, first → last send (peak in any 1 s); limit {(ob.LimitPerSecond is { } l ? Text(l) + " /s" : "default")}",
                $"{Text(ob.Rate)} /s ({Text(ob.PeakPerSecond)} in 1 s); all queued first (API, {ob.QueueSeconds.ToString("0.0", Invariant)} s) with the outbox paused, then released",
                ob.LimitPerSecond is { } limit ? $"≤ limit: {Verdict(ob.PeakPerSecond <= limit * 1.05)}" : "—");
        }

        if (r.Memory is { } m)
        {
            Row(s, $"Host memory after the drain ({Text(r.Audit.Acknowledged)} messages from up to {Text(o.Phones)} phones): RSS / GC heap / working set",
                $"{Mib(m.RssBytes)} / {Mib(m.GcHeapBytes)} / {Mib(m.WorkingSetBytes)}",
                m.RssBytes is { } rss ? $"RSS ≤ 1 GiB (issue 10, with 10,000 open conversations): {Verdict(rss <= HostMemory.TargetRssBytes)}" : "RSS ≤ 1 GiB (issue 10)");
        }

        s.AppendLine();
        var verdict = postgres ? $"All targets met: **{(r.TargetsMet ? "yes" : "no")}**." : "The throughput target is for PostgreSQL.";
        s.AppendLine(Invariant, $"Nothing lost, nothing doubled: **{(r.NothingLostOrDoubled ? "yes" : "NO")}**. {verdict}");
        if (r.Audit.Lost.Count > 0 || r.Audit.StoredMoreThanOnce.Count > 0)
        {
            s.AppendLine();
            s.AppendLine(Invariant, $"First lost message numbers: {string.Join(", ", r.Audit.Lost.Take(10))}; first doubled: {string.Join(", ", r.Audit.StoredMoreThanOnce.Take(10))}.");
        }

        return s.ToString();
    }

    private static void Row(StringBuilder s, string figure, string result, string target) =>
        s.AppendLine(Invariant, $"| {figure} | {result} | {target} |");

    private static string Verdict(bool met) => met ? "met" : "**not met**";

    private static string Latency(LatencySummary l) =>
        l.Count == 0 ? "no samples" : $"{Ms(l.P50)} / {Ms(l.P99)} / {Ms(l.P999)} ms ({Ms(l.Max)} ms)";

    private static string Mib(long? bytes) => bytes is { } b ? $"{(b / 1048576.0).ToString("#,0", Invariant)} MiB" : "—";

    private static string Ms(double value) => value.ToString(value < 10 ? "0.0" : "0", Invariant);

    private static string Text(double value) => value.ToString("#,0", Invariant);

    private static string Seconds(TimeSpan t) => $"{t.TotalSeconds.ToString("0.#", Invariant)} s";
}
