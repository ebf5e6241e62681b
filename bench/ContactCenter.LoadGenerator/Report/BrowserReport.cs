using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ContactCenter.LoadGenerator.Checks;
using ContactCenter.LoadGenerator.Live;
using ContactCenter.LoadGenerator.Memory;

namespace ContactCenter.LoadGenerator.Report;

/// <summary>The tables of the browser phases: live delivery (at rest, under load) and the memory mode.</summary>
internal static class BrowserReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string RenderLive(Options o, DateTime startedUtc, string target, IReadOnlyList<LiveResult> phases)
    {
        var s = new StringBuilder();
        s.AppendLine(Invariant, $"# Live delivery to agents' open pages — {Provider(o)} — {startedUtc:yyyy-MM-dd HH:mm} UTC");
        s.AppendLine();
        s.AppendLine(Invariant, $"- Target: {target}; {Machine()}.");
        s.AppendLine(Invariant, $"- {o.LiveWatchers} agent(s), each with their conversation open in headless Chromium (`/inbox?conversation=`, one Blazor circuit per page); " +
            $"their contacts write on a number of their own (a team of these agents only), {o.LiveMessages} messages per phase, one every {o.LiveInterval.TotalMilliseconds:0} ms, in turn to each agent.");
        s.AppendLine("- Timed from the webhook's 2xx (tool's clock) to the message's text entering the agent's page (a MutationObserver, page clock), " +
            "the page clock related to the tool's by the quickest of 15 round trips before and after each phase (± half that round trip plus the drift, in the table). " +
            "\"Next frame\" is the first animation frame after it. To tell the processing from the push, each message is also looked up through " +
            "`GET /api/v1/messages?providerMessageId=` (every 20 ms for 2 s, then every 250 ms): \"stored\" is when it first answers, so \"stored → in the page\" " +
            "can come out below zero by up to one lookup interval and one lookup (the page may show it before the lookup returns). Under load: the same, while the webhook load of the main table runs on the main number.");
        s.AppendLine();
        s.AppendLine("| Phase | Acknowledged / sent | Seen in the agent's page | Ack → in the page p50 / p99 (max) | Sent → in the page p50 / p99 | Ack → stored (API) p50 / p99 | Stored → in the page p50 / p99 | Ack → next frame p99 | Ack p99 | Clock ± | Observer's own cost | Load average (1/5/15) | Target |");
        s.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in phases)
        {
            var target99 = r.Phase.StartsWith("at rest", StringComparison.Ordinal) ? 100 : 1000;
            s.AppendLine(Invariant,
                $"| {r.Phase} | {r.Acknowledged} / {r.Sent} | {r.Seen}{(r.Seen < r.Acknowledged ? $" (**{r.Acknowledged - r.Seen} never**)" : string.Empty)} " +
                $"| {Ms(r.AcceptedToDom.P50)} / **{Ms(r.AcceptedToDom.P99)}** ({Ms(r.AcceptedToDom.Max)}) ms | {Ms(r.SentToDom.P50)} / {Ms(r.SentToDom.P99)} ms " +
                $"| {Ms(r.AcceptedToStored.P50)} / {Ms(r.AcceptedToStored.P99)} ms | {Ms(r.StoredToDom.P50)} / {Ms(r.StoredToDom.P99)} ms " +
                $"| {Ms(r.AcceptedToFrame.P99)} ms | {Ms(r.Acknowledgement.P99)} ms | ± {r.ClockPlusMinusMs.ToString("0.0", Invariant)} ms " +
                $"| {r.ObserverMs.ToString("0.0", Invariant)} ms in {r.ObserverCalls:N0} callbacks | {r.LoadAverage} | p99 ≤ {target99:N0} ms: {(r.Met(target99) ? "**met**" : "**not met**")} |");
        }

        return s.ToString();
    }

    public static string RenderMemory(Options o, DateTime startedUtc, string target, MemoryResult m)
    {
        var s = new StringBuilder();
        s.AppendLine(Invariant, $"# Memory mode: open conversations and connected agents — {Provider(o)} — {startedUtc:yyyy-MM-dd HH:mm} UTC");
        s.AppendLine();
        s.AppendLine(Invariant, $"- Target: {target}; {Machine()}.");
        s.AppendLine(Invariant, $"- {m.OpenConversations:N0} open conversations counted through `GET /api/v1/conversations` ({o.MemoryConversations:N0} asked: one first message from each of as many phones, through the signed webhook path and the inbox processor, all processed before this table); " +
            $"{m.Agents:N0} agents created as users, members of a team on the number, available. Connected agents: each an inbox (`/inbox`) open in headless Chromium as that agent — one Blazor Server circuit each.");
        s.AppendLine("- RSS from /proc/<pid>/status, GC heap (after the last collection) and working set from the host's /metrics; read 10 s after each step.");
        s.AppendLine();
        s.AppendLine("| State | Host RSS | GC heap | Working set | Load average (1/5/15) |");
        s.AppendLine("|---|---|---|---|---|");
        foreach (var p in m.Points)
        {
            s.AppendLine(Invariant, $"| {p.State} | {MemoryPhase.Mib(p.Memory.RssBytes)} MiB | {MemoryPhase.Mib(p.Memory.GcHeapBytes)} MiB | {MemoryPhase.Mib(p.Memory.WorkingSetBytes)} MiB | {p.LoadAverage} |");
        }

        s.AppendLine();
        if (m.Slope is { } slope)
        {
            var at = slope.RssAt(m.Agents);
            var measured = m.Points.Max(p => p.Pages);
            s.AppendLine(Invariant, $"Least-squares line through the {slope.Points} states with the agents created (0 to {measured} pages): " +
                $"**{(slope.RssPerPageBytes / 1048576).ToString("0.00", Invariant)} MiB of RSS per connected agent** " +
                $"(GC heap {(slope.HeapPerPageBytes is { } h ? (h / 1048576).ToString("0.00", Invariant) : "?")} MiB per agent).");
            s.AppendLine();
            s.AppendLine("| Figure | Result | Target (issue 10) |");
            s.AppendLine("|---|---|---|");
            var rssText = measured >= m.Agents
                ? $"{MemoryPhase.Mib(m.Points[^1].Memory.RssBytes)} MiB measured"
                : $"**{(at / 1048576).ToString("N0", Invariant)} MiB extrapolated** from {measured} pages (the line above), not measured";
            var rss = measured >= m.Agents ? m.Points[^1].Memory.RssBytes ?? long.MaxValue : at;
            var verdict = (rss <= HostMemory.TargetRssBytes ? "**met**" : "**not met**") + (measured >= m.Agents ? string.Empty : " (by the extrapolation)");
            s.AppendLine(Invariant, $"| Host RSS with {m.OpenConversations:N0} open conversations and {m.Agents:N0} connected agents | {rssText} | ≤ 1,024 MiB: {verdict} |");
            s.AppendLine(Invariant, $"| GC heap at {m.Agents:N0} connected agents | {(slope.HeapAt(m.Agents) is { } heap ? (heap / 1048576).ToString("N0", Invariant) + " MiB" : "?")}{(measured >= m.Agents ? string.Empty : " (extrapolated)")} | — |");
        }
        else
        {
            s.AppendLine("No page steps (`--memory-pages`): no cost per connected agent.");
        }

        foreach (var note in m.Notes)
        {
            s.AppendLine();
            s.AppendLine(Invariant, $"Note: {note}");
        }

        return s.ToString();
    }

    private static string Provider(Options o) => o.Provider == LoadGenerator.Provider.Postgres ? "PostgreSQL" : "SQLite";

    private static string Machine() =>
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}; tool, Chromium and host on the same machine";

    private static string Ms(double value) => double.IsNaN(value) ? "—" : value.ToString(Math.Abs(value) < 10 ? "0.0" : "#,0", Invariant);
}
