using System.Net;
using System.Text;
using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Host.Tests.Inbound;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace ContactCenter.Host.Tests.Faults;

/// <summary>
/// PostgreSQL stops and starts again under webhook load. The host reaches its database through a
/// <see cref="LoopbackProxy"/> that the test cuts and restores: the shared test server keeps running for every other
/// test (stopping it, or a second cluster started with pg_ctl, would need the postgres user and seconds of start-up), yet
/// this host sees what a stopped server gives — its open connections reset, new ones refused. Nothing is drained by
/// hand after the outage: the inbox processor, the outbox sender, Quartz and the LISTEN connection must come back by
/// themselves.
/// </summary>
public sealed class PostgresOutageTests() : InboundTest(DatabaseKind.Postgres)
{
    private const string WatchedPhone = "5511970000000";

    private LoopbackProxy? _proxy;

    protected override Func<string?, string?>? ConnectThrough => connectionString =>
        new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = _proxy!.Port }.ConnectionString;

    public override async ValueTask InitializeAsync()
    {
        TestDatabase.SkipUnlessAvailable(Kind);
        var server = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresConnectionString);
        _proxy = LoopbackProxy.To(server.Host ?? "127.0.0.1", server.Port);
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        // A test that failed mid-outage must not leave the host to stop against a dead database. Quartz waits between
        // its retries on the host's clock — the test's, which stands still unless moved — and stopping the host waits
        // for Quartz: the clock keeps moving until the host is down, or a failure here would hang instead of failing.
        _proxy?.Restore();
        var clock = HostStarted ? Host.Clock : null;
        var disposing = base.DisposeAsync().AsTask();
        while (clock is not null && !disposing.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(disposing, Task.Delay(100));
        }

        await disposing;
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }
    }

    [Fact]
    public async Task While_the_database_is_down_webhooks_get_503_and_once_it_is_back_everything_acknowledged_is_processed_exactly_once()
    {
        var cancel = TestContext.Current.CancellationToken;
        var account = await CreateAccountAsync();
        var acknowledged = new List<string>();
        var refused = new List<string>();
        Assert.True(_proxy!.Accepted > 0, "The host must reach its database through the proxy.");

        // Load before the outage: every webhook acknowledged (some still being processed when the database goes).
        var before = Enumerable.Range(0, 40).Select(i => $"wamid.before-{i}").ToList();
        foreach (var (id, status) in await PostManyAsync(account, before))
        {
            Assert.Equal(HttpStatusCode.OK, status);
            acknowledged.Add(id);
        }

        _proxy.Cut();

        // Down: the group commit cannot store them (inbox_unavailable), and once the adapter cache expires the account
        // lookup cannot either (database_unavailable); both are 503 with Retry-After, never a 500, and nothing is kept.
        var during = Enumerable.Range(0, 20).Select(i => $"wamid.during-{i}").ToList();
        var answers = new List<HttpResponseMessage>();
        foreach (var id in during.Take(10))
        {
            answers.Add(await PostWebhookAsync(account, Encoding.UTF8.GetBytes(Text(id, "durante a queda", from: Phone(id))), cancellationToken: cancel));
        }

        Host.Clock.Advance(TimeSpan.FromMinutes(3));
        foreach (var id in during.Skip(10))
        {
            answers.Add(await PostWebhookAsync(account, Encoding.UTF8.GetBytes(Text(id, "durante a queda", from: Phone(id))), cancellationToken: cancel));
        }

        Assert.All(answers, a =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, a.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), a.Headers.RetryAfter?.Delta);
        });
        var codes = new List<string?>();
        foreach (var answer in answers)
        {
            codes.Add((string?)(await answer.ReadJsonAsync())["code"]);
        }

        Assert.Equal(["database_unavailable", "inbox_unavailable"], codes.Distinct().Order());
        refused.AddRange(during);

        _proxy.Restore();
        Host.Clock.Advance(TimeSpan.FromSeconds(3)); // the LISTEN connection's reconnect wait (host clock)

        // Back: Meta retries what was refused and re-delivers some of what was acknowledged; new load arrives. A stale
        // pooled connection may fail one more request with 503: the provider simply retries that one too.
        foreach (var (id, _) in await PostManyAsync(account, refused, retryUntilAcknowledged: true))
        {
            acknowledged.Add(id);
        }

        await PostManyAsync(account, before.Take(10).ToList(), retryUntilAcknowledged: true);
        var after = Enumerable.Range(0, 40).Select(i => $"wamid.after-{i}").ToList();
        foreach (var (id, _) in await PostManyAsync(account, after, retryUntilAcknowledged: true))
        {
            acknowledged.Add(id);
        }

        // Processing resumes by itself (nothing drained by hand): every acknowledged message stored exactly once.
        var stored = await WaitForAsync(async () =>
        {
            var counts = await StoredCountsAsync(acknowledged);
            return counts.Count == acknowledged.Count ? counts : null;
        });
        var doubled = stored.Count(c => c.Value > 1);
        var lost = acknowledged.Count(id => !stored.ContainsKey(id));
        Assert.Equal((80 + 20, 0, 0), (acknowledged.Count, lost, doubled));
        Assert.Equal(0, await PendingInboxRowsAsync());

        // LISTEN reconnected: a message from a watched phone is announced on this node again.
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = Host.Services.GetRequiredService<INoticeHub>().Subscribe(
            ContactThreadTopic.For(account, WatchedPhone), _ =>
            {
                heard.TrySetResult();
                return Task.CompletedTask;
            });
        for (var i = 0; !heard.Task.IsCompleted; i++)
        {
            Assert.True(i < 40, "No notice arrived through LISTEN after the database came back.");
            Host.Clock.Advance(TimeSpan.FromSeconds(2)); // one more reconnect wait, if the listener still sleeps
            var id = $"wamid.watched-{i}";
            if ((await PostWebhookAsync(account, Encoding.UTF8.GetBytes(Text(id, "alguém aí?", from: WatchedPhone)), cancellationToken: cancel)).IsSuccessStatusCode)
            {
                acknowledged.Add(id);
            }

            await Task.WhenAny(heard.Task, Task.Delay(500, cancel));
        }

        // The outbox sender's loop survived its failed passes: a reply queued now goes out without help.
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IOutbox>().Enqueue(new OutboundRequest(
                Guid.CreateVersion7(), account, new OutboundRecipient(WatchedPhone), new SendText("Voltamos!")));
            await scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>().SaveChangesAsync(cancel);
        }

        await WaitForAsync(() => Task.FromResult(Graph.SentBodies.Any(b => b.Contains("Voltamos!", StringComparison.Ordinal)) ? (bool?)true : null));

        // Quartz's scheduler thread survived too: a run asked for now is executed. Its pauses between retries are on the
        // host clock, so the clock moves while the test waits, as time would.
        var scheduler = await Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancel);
        var executed = (await scheduler.GetMetadata(cancel)).JobsExecuted;
        var triggered = false;
        await WaitForAsync(async () =>
        {
            Host.Clock.Advance(TimeSpan.FromSeconds(1));
            if (!triggered)
            {
                await scheduler.TriggerJob(new JobKey("presence-sweep", "Queues"), cancel);
                triggered = true;
            }

            return (await scheduler.GetMetadata(cancel)).JobsExecuted > executed ? (bool?)true : null;
        });

        var final = await StoredCountsAsync(acknowledged);
        FaultLedger.Record("PostgreSQL stopped and started mid-load (proxy cut, 20 webhooks refused with 503, then retried)", new FaultCounts(
            Acknowledged: acknowledged.Count,
            Processed: final.Count,
            Lost: acknowledged.Count(id => !final.ContainsKey(id)),
            Doubled: final.Count(c => c.Value > 1),
            DoubleAssignments: await DoubleAssignmentsAsync()));
        Assert.Equal(acknowledged.Count, final.Count);
        Assert.All(final.Values, c => Assert.Equal(1, c));
    }

    /// <summary>Each phone writes a few messages, so contacts and conversations are shared across the load.</summary>
    private static string Phone(string id) => "55119800000" + (id.Sum(c => c) % 10).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Posts the webhooks eight at a time; with <paramref name="retryUntilAcknowledged"/> a 503 is posted again, as Meta does.</summary>
    private async Task<List<(string Id, HttpStatusCode Status)>> PostManyAsync(Guid account, List<string> ids, bool retryUntilAcknowledged = false)
    {
        var results = new System.Collections.Concurrent.ConcurrentBag<(string, HttpStatusCode)>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, ct) =>
        {
            for (var attempt = 0; ; attempt++)
            {
                var response = await PostWebhookAsync(account, Encoding.UTF8.GetBytes(Text(id, $"mensagem {id}", from: Phone(id))), cancellationToken: ct);
                Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
                if (!retryUntilAcknowledged || response.StatusCode == HttpStatusCode.OK || attempt == 50)
                {
                    results.Add((id, response.StatusCode));
                    return;
                }

                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                await Task.Delay(100, ct);
            }
        });
        Assert.All(results, r => Assert.True(!retryUntilAcknowledged || r.Item2 == HttpStatusCode.OK, $"{r.Item1} was never acknowledged: {r.Item2}"));
        return [.. results];
    }

    private async Task<Dictionary<string, int>> StoredCountsAsync(IReadOnlyCollection<string> ids)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        var found = await db.Set<ContactCenter.Conversations.Domain.Message>().AsNoTracking()
            .Where(m => m.ProviderMessageId != null && ids.Contains(m.ProviderMessageId))
            .GroupBy(m => m.ProviderMessageId!)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(TestContext.Current.CancellationToken);
        return found.ToDictionary(f => f.Key, f => f.Count);
    }

    private async Task<int> PendingInboxRowsAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>().Set<ContactCenter.Channels.Domain.InboxEntry>()
            .CountAsync(e => e.Status != ContactCenter.Channels.Domain.InboxStatus.Processed, TestContext.Current.CancellationToken);
    }

    /// <summary>Conversations holding more than one open work item (a conversation routed twice).</summary>
    private async Task<int> DoubleAssignmentsAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        var conversations = await db.Set<ContactCenter.Conversations.Domain.Conversation>().AsNoTracking()
            .Select(c => new { c.ContactId, c.ChannelAccountId, c.Status })
            .ToListAsync(TestContext.Current.CancellationToken);

        // One contact with two conversations open on the same account at once would be a doubled arrival.
        return conversations.Where(c => c.Status != ConversationStatus.Finished).GroupBy(c => (c.ContactId, c.ChannelAccountId)).Count(g => g.Count() > 1);
    }

    /// <summary>Polls until <paramref name="probe"/> gives a value, for at most 120 s of real time (background work is real; CI is loaded).</summary>
    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                if (await probe() is { } value)
                {
                    return value;
                }
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or SchedulerException && DateTime.UtcNow < deadline)
            {
                // A stale pooled connection right after the restore: look again.
            }

            Assert.True(DateTime.UtcNow < deadline, "Processing did not resume within 120 s after the database came back.");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
