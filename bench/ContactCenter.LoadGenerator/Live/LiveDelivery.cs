using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using ContactCenter.LoadGenerator.Load;
using ContactCenter.LoadGenerator.Target;
using Microsoft.Playwright;

namespace ContactCenter.LoadGenerator.Live;

/// <summary>
/// Issue 10's live delivery: agents hold their conversation open in Chromium while their contact writes, and each
/// message is timed from the webhook's acknowledgement to its text entering the agent's page (the push over the
/// page's Blazor circuit). The contacts write on a number of their own, whose team holds only these agents, so each
/// message goes to the conversation already assigned to the watching agent (a returning contact), whatever the load
/// does on the main number.
/// </summary>
internal sealed class LiveDelivery
{
    private const string WabaId = "102290129340398";
    private readonly HostClient _client;
    private readonly WebhookPayloads _payloads;
    private readonly Guid _accountId;
    private readonly string _runId;
    private readonly IReadOnlyList<Watcher> _watchers;
    private readonly TimeSpan _settle;
    private readonly SemaphoreSlim _lookups = new(4);
    private int _phase;

    private LiveDelivery(HostClient client, WebhookPayloads payloads, Guid accountId, string runId, IReadOnlyList<Watcher> watchers, TimeSpan settle)
    {
        _client = client;
        _payloads = payloads;
        _accountId = accountId;
        _runId = runId;
        _watchers = watchers;
        _settle = settle;
    }

    /// <summary>A number, a team on it, <paramref name="count"/> available agents, one contact per agent whose first
    /// message is routed to them, and each agent's page open on that conversation.</summary>
    public static async Task<LiveDelivery> PrepareAsync(
        HostClient client, AgentBrowser browser, string runId, string appSecret, int count, TimeSpan settle, TextWriter progress, CancellationToken ct)
    {
        var phoneNumberId = "1066" + RandomNumberGenerator.GetInt32(100_000_000, 999_999_999);
        var accountId = await client.CreateChannelAccountAsync($"Bench live {runId}", phoneNumberId, WabaId, appSecret, null, ct);
        var payloads = new WebhookPayloads(runId, System.Text.Encoding.UTF8.GetBytes(appSecret), phoneNumberId, WabaId, 1,
            TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());
        await client.KeepAssignmentsAsync(ct);
        var team = await client.CreateTeamAsync($"Bench live {runId}", [accountId], ct);
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var agents = new Dictionary<Guid, string>();
        for (var i = 0; i < count; i++)
        {
            var userName = $"live{runId}a{i}";
            agents[await client.CreateAgentAsync(userName, $"Live agent {i}", password, ct)] = userName;
        }

        await client.SetTeamMembersAsync(team, [.. agents.Keys], ct);
        foreach (var agent in agents.Keys)
        {
            await client.SetAvailableAsync(agent, ct);
        }

        var watchers = new List<Watcher>();
        for (var i = 0; i < count; i++)
        {
            var phone = "5521988" + i.ToString("D6", CultureInfo.InvariantCulture);
            var wamid = $"wamid.HBgMLIVE{runId}S{i:D6}";
            var body = payloads.Text(wamid, phone, $"Contato ao vivo {i}", "Oi, quero saber do apartamento");
            var posted = await client.PostWebhookAsync(accountId, body, payloads.Sign(body), ct);
            if (posted.Kind != OutcomeKind.Accepted)
            {
                throw new TargetException($"The live contact's first webhook was not acknowledged ({posted.Kind} {posted.Status}).");
            }

            var conversation = await UntilAsync(() => client.FindConversationOfMessageAsync(wamid, ct), settle, "the live contact's first message to be stored", ct);
            var agent = await UntilAsync(() => client.AssignedAgentAsync(conversation, ct), settle, "the live contact's conversation to be assigned to an agent", ct);
            var userName = agents.GetValueOrDefault(agent)
                ?? throw new TargetException($"The live contact's conversation went to {agent}, not to an agent of the live team.");
            var context = await browser.NewContextAsync();
            var page = await AgentBrowser.OpenAsAsync(context, userName, password, $"/inbox?conversation={conversation}", TimeSpan.FromSeconds(60));
            var offset = await AgentBrowser.ClockOffsetAsync(page);
            await progress.WriteLineAsync($"  watcher {i}: {userName}'s page open on conversation {conversation}; page clock {offset.Ms:+0.0;-0.0} ms (± {offset.PlusMinusMs:0.0})");
            watchers.Add(new Watcher(phone, page, offset));
        }

        return new LiveDelivery(client, payloads, accountId, runId, watchers, settle);
    }

    /// <summary>
    /// <paramref name="messages"/> messages, one every <paramref name="interval"/> on a fixed schedule (a slow
    /// acknowledgement does not delay the next), in turn to each watcher; then waits until every acknowledged one was
    /// seen in its page, or the settle timeout.
    /// </summary>
    public async Task<LiveResult> RunAsync(string phase, int messages, TimeSpan interval, CancellationToken ct)
    {
        var phaseNumber = ++_phase;
        var offsetsBefore = await Task.WhenAll(_watchers.Select(w => AgentBrowser.ClockOffsetAsync(w.Page)));
        var sends = new ConcurrentBag<LiveSend>();
        var posts = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        for (var n = 0; n < messages; n++)
        {
            var due = TimeSpan.FromTicks(interval.Ticks * n) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, ct);
            }

            var watcher = n % _watchers.Count;
            var marker = $"LIVE{_runId}N{phaseNumber}{n:D6}";
            var body = _payloads.Text($"wamid.HBgM{marker}", _watchers[watcher].Phone, $"Contato ao vivo {watcher}", $"Mensagem ao vivo {marker}");
            posts.Add(Task.Run(async () =>
            {
                var sentAt = AgentBrowser.UnixMs();
                var outcome = await _client.PostWebhookAsync(_accountId, body, _payloads.Sign(body), ct);
                var acceptedAt = outcome.Kind == OutcomeKind.Accepted ? AgentBrowser.UnixMs() : (double?)null;
                var storedAt = acceptedAt is null ? null : await StoredAtAsync($"wamid.HBgM{marker}", ct);
                sends.Add(new LiveSend(marker, watcher, sentAt, acceptedAt) { StoredAt = storedAt });
            }, ct));
        }

        await Task.WhenAll(posts);
        var loadAverage = LoadAverage.Now();
        var sendSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var expected = sends.Where(s => s.AcceptedAt is not null).Select(s => s.Marker).ToHashSet();
        var giveUpAt = Stopwatch.GetTimestamp() + (long)(_settle.TotalSeconds * Stopwatch.Frequency);
        var seen = new Dictionary<string, (double InDom, double Frame)>[_watchers.Count];
        while (true)
        {
            for (var w = 0; w < _watchers.Count; w++)
            {
                seen[w] = new(await AgentBrowser.SeenAsync(_watchers[w].Page));
            }

            if (expected.All(m => seen.Any(s => s.ContainsKey(m))) || Stopwatch.GetTimestamp() > giveUpAt)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }

        // The page's clock against the tool's, before and after: the mean is used, their difference is the drift.
        var offsetsAfter = await Task.WhenAll(_watchers.Select(w => AgentBrowser.ClockOffsetAsync(w.Page)));
        var offsets = offsetsBefore.Zip(offsetsAfter, (b, a) => new ClockOffset((b.Ms + a.Ms) / 2, Math.Max(b.PlusMinusMs, a.PlusMinusMs) + Math.Abs(b.Ms - a.Ms) / 2)).ToArray();
        var observer = await Task.WhenAll(_watchers.Select(w => w.Page.EvaluateAsync<double[]>("[window.__ccLiveCost || 0, window.__ccLiveCalls || 0]")));
        return LiveStatistics.Summarize(phase, [.. sends], seen, offsets, sendSeconds, observer.Sum(o => o[0]), (long)observer.Sum(o => o[1]))
            with { LoadAverage = loadAverage };
    }

    /// <summary>
    /// When the message first answers through the API (stored by the inbox processor, tool's clock), to tell the
    /// processing from the push: polled every 20 ms for its first 2 s, then every 250 ms, at most 4 lookups at once so
    /// watching does not become load; late by up to one interval plus one lookup.
    /// </summary>
    private async Task<double?> StoredAtAsync(string wamid, CancellationToken ct)
    {
        var began = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(began) < _settle)
        {
            int found;
            await _lookups.WaitAsync(ct);
            try
            {
                found = await _client.CountMessagesAsync(wamid, ct);
            }
            finally
            {
                _lookups.Release();
            }

            if (found > 0)
            {
                return AgentBrowser.UnixMs();
            }

            await Task.Delay(Stopwatch.GetElapsedTime(began) < TimeSpan.FromSeconds(2) ? TimeSpan.FromMilliseconds(20) : TimeSpan.FromMilliseconds(250), ct);
        }

        return null;
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what, CancellationToken ct)
        where T : struct
    {
        var giveUpAt = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < giveUpAt)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }

        throw new TargetException($"Waited {timeout.TotalSeconds:0} s for {what} (--settle-timeout).");
    }

    private sealed record Watcher(string Phone, IPage Page, ClockOffset Offset);
}
