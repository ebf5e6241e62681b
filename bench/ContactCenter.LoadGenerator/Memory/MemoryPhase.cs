using System.Diagnostics;
using System.Security.Cryptography;
using ContactCenter.LoadGenerator.Checks;
using ContactCenter.LoadGenerator.Live;
using ContactCenter.LoadGenerator.Target;
using Microsoft.Playwright;

namespace ContactCenter.LoadGenerator.Memory;

/// <summary>
/// Issue 10's memory mode, after the conversations are processed: the host's memory with them alone, then with the
/// agents created (users, members of a team on the number, available, so routing hands them conversations), then
/// after each step of agents' inboxes opened in Chromium (each page one connected Blazor circuit). The pages share one
/// browser context, which logs in as the next agent before each page: a circuit keeps the user it connected as, and
/// one context lets Chromium put many pages in a few renderer processes, so hundreds fit on this machine.
/// </summary>
internal sealed class MemoryPhase(HostClient client, Uri hostUrl, int? hostPid, string runId, Guid accountId, string chromium, TimeSpan pageTimeout, TextWriter progress)
{
    /// <summary>Time for the host to settle after a step (circuits' first renders, the routing round) before reading it.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    private const int TeamSize = 100;

    public async Task<MemoryResult> RunAsync(int expectedConversations, int agentCount, IReadOnlyList<int> pageSteps, CancellationToken ct)
    {
        var points = new List<MemoryPoint>();
        var open = (await client.ListConversationIdsAsync(expectedConversations + 100, ct)).Count;
        points.Add(await ReadAsync($"{open:N0} open conversations, no agents", 0, ct));

        await client.KeepAssignmentsAsync(ct);
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var created = Stopwatch.GetTimestamp();
        var agents = new (Guid Id, string UserName)[agentCount];
        await Parallel.ForAsync(0, agentCount, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (i, token) =>
        {
            var userName = $"mem{runId}a{i}";
            agents[i] = (await client.CreateAgentAsync(userName, $"Memory agent {i}", password, token), userName);
        });
        // One team of them all first; a host that refuses that is noted, and teams of 100 on the same number take them.
        var notes = new List<string>();
        var whole = await client.CreateTeamAsync($"Bench memory {runId}", [accountId], ct);
        try
        {
            await client.SetTeamMembersAsync(whole, [.. agents.Select(a => a.Id)], ct);
        }
        catch (TargetException e)
        {
            notes.Add($"Putting all {agentCount:N0} agents in one team failed ({e.Message}); they were put in teams of {TeamSize} on the same number instead.");
            await progress.WriteLineAsync($"  {notes[^1]}");
            for (var first = 0; first < agentCount; first += TeamSize)
            {
                var team = await client.CreateTeamAsync($"Bench memory {runId} {first / TeamSize}", [accountId], ct);
                await client.SetTeamMembersAsync(team, [.. agents.Skip(first).Take(TeamSize).Select(a => a.Id)], ct);
            }
        }

        await Parallel.ForAsync(0, agentCount, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (i, token) => await client.SetAvailableAsync(agents[i].Id, token));
        await progress.WriteLineAsync($"  {agentCount:N0} agents created, in the team and available in {Stopwatch.GetElapsedTime(created).TotalSeconds:0} s");
        await Task.Delay(Settle, ct);
        points.Add(await ReadAsync($"{agentCount:N0} agents available, no page open", 0, ct));

        if (pageSteps.Count > 0)
        {
            await using var browser = await AgentBrowser.LaunchAsync(chromium, hostUrl, rendererProcessLimit: 8);
            var context = await browser.NewContextAsync();
            var pages = new List<IPage>();
            foreach (var step in pageSteps)
            {
                var opened = Stopwatch.GetTimestamp();
                while (pages.Count < step)
                {
                    var agent = agents[pages.Count];
                    // As long as the host may take to start: on a machine this loaded a login alone took over 120 s.
                    pages.Add(await AgentBrowser.OpenAsAsync(context, agent.UserName, password, "/inbox", pageTimeout));
                }

                await progress.WriteLineAsync($"  {step} agents' inboxes open ({Stopwatch.GetElapsedTime(opened).TotalSeconds:0} s for this step)");
                await Task.Delay(Settle, ct);
                points.Add(await ReadAsync($"{step} agents' inboxes open (connected circuits)", step, ct));
            }
        }

        return new MemoryResult(open, agentCount, points, MemorySlope.Fit(points.Skip(1).ToList())) { Notes = notes };
    }

    private async Task<MemoryPoint> ReadAsync(string state, int pages, CancellationToken ct)
    {
        var memory = await HostMemory.ReadAsync(hostUrl, hostPid, ct);
        var point = new MemoryPoint(state, pages, memory, LoadAverage.Now());
        await progress.WriteLineAsync($"  {state}: RSS {Mib(memory.RssBytes)} MiB, GC heap {Mib(memory.GcHeapBytes)} MiB (load {point.LoadAverage})");
        return point;
    }

    internal static string Mib(long? bytes) => bytes is { } b ? (b / 1048576.0).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "?";
}

/// <summary>The host's memory in one state of the memory mode, with the machine's load average then.</summary>
internal sealed record MemoryPoint(string State, int Pages, HostMemory Memory, string LoadAverage);

internal sealed record MemoryResult(int OpenConversations, int Agents, IReadOnlyList<MemoryPoint> Points, MemorySlope? Slope)
{
    /// <summary>What went otherwise than planned (a refused call and its workaround), printed under the table.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>The host's memory against open pages: a least-squares line through the points (RSS and GC heap), so the
/// cost of one more connected circuit, and the memory at a number of pages not opened, read off it.</summary>
internal sealed record MemorySlope(double RssInterceptBytes, double RssPerPageBytes, double? HeapInterceptBytes, double? HeapPerPageBytes, int Points)
{
    /// <summary>Null when fewer than two distinct page counts carry an RSS.</summary>
    public static MemorySlope? Fit(IReadOnlyList<MemoryPoint> points)
    {
        var rss = Line(points.Where(p => p.Memory.RssBytes is not null).Select(p => ((double)p.Pages, (double)p.Memory.RssBytes!.Value)).ToList());
        if (rss is null)
        {
            return null;
        }

        var heap = Line(points.Where(p => p.Memory.GcHeapBytes is not null).Select(p => ((double)p.Pages, (double)p.Memory.GcHeapBytes!.Value)).ToList());
        return new MemorySlope(rss.Value.Intercept, rss.Value.Slope, heap?.Intercept, heap?.Slope, points.Count);
    }

    public double RssAt(int pages) => RssInterceptBytes + RssPerPageBytes * pages;

    public double? HeapAt(int pages) => HeapInterceptBytes + HeapPerPageBytes * pages;

    internal static (double Intercept, double Slope)? Line(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Select(p => p.X).Distinct().Count() < 2)
        {
            return null;
        }

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var slope = points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / points.Sum(p => (p.X - meanX) * (p.X - meanX));
        return (meanY - slope * meanX, slope);
    }
}
