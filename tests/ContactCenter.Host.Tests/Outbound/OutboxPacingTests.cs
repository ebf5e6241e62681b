using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Outbound;

/// <summary>
/// Even pacing at WhatsApp's 80 /s (issue 10): a provider counts the sends that arrive per second, so the sender may
/// not take a second's whole allowance at its start. A quiet account starts up to a tenth of its rate at once, then one
/// send per 12.5 ms; the one-second window stays the hard cap.
/// </summary>
public abstract class OutboxPacingTests(DatabaseKind kind) : OutboxTest(kind)
{
    protected const int Burst = 8;

    protected static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(12.5);

    protected override double MessagesPerSecond => 80;

    /// <summary>The clock time at which each send reached the fake Graph API.</summary>
    protected List<DateTime> RecordSendTimes()
    {
        var times = new List<DateTime>();
        Respond = _ =>
        {
            lock (times)
            {
                times.Add(Now);
            }

            return Accept();
        };
        return times;
    }

    protected async Task<List<Guid>> EnqueueManyAsync(int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await EnqueueAsync(new SendText($"mensagem {i}"), phone: $"55119{i:00000000}"));
        }

        return ids;
    }

    /// <summary>Every row went out once, and waiting for its slot was no attempt.</summary>
    protected async Task AllSentOnceAsync(List<Guid> ids)
    {
        Assert.Equal(ids.Count, Sends.Count);
        Assert.Equal(ids.Count, Sends.Select(To).Distinct().Count());
        Assert.Equal(ids.Count, Events.Accepted.Select(e => e.HostMessageId).Distinct().Count());
        foreach (var id in ids)
        {
            var row = await RowAsync(id);
            Assert.Equal(OutboxStatus.Accepted, row.Status);
            Assert.Equal(1, row.Attempts);
        }
    }

    /// <summary>The most of <paramref name="times"/> in any half-open span of <paramref name="length"/>.</summary>
    protected static int MostWithin(List<DateTime> times, TimeSpan length)
    {
        var sorted = times.Order().ToList();
        var most = 0;
        for (int from = 0, to = 0; to < sorted.Count; to++)
        {
            while (sorted[to] - sorted[from] >= length)
            {
                from++;
            }

            most = Math.Max(most, to - from + 1);
        }

        return most;
    }
}

/// <summary>The pace itself, with the clock moved in 2.5 ms steps (a send whose slot is ahead goes back to the outbox).</summary>
public abstract class OutboxPaceTests(DatabaseKind kind) : OutboxPacingTests(kind)
{
    [Fact]
    public async Task A_backlog_is_sent_evenly_across_each_second_not_all_at_its_start()
    {
        var sentAt = RecordSendTimes();
        var ids = await EnqueueManyAsync(120);

        var start = Now;
        for (var step = 0; step < 1200 && Sends.Count < ids.Count; step++)
        {
            await DrainAsync();
            Host.Clock.Advance(Spacing / 5);
        }

        await AllSentOnceAsync(ids);

        // A tenth of the rate at once, then one start per 12.5 ms: no second's allowance taken at its start.
        Assert.Equal(Burst, sentAt.Count(t => t == start));
        var later = sentAt.Where(t => t > start).Order().ToList();
        Assert.All(later.Prepend(start).Zip(later), pair => Assert.True(pair.Second - pair.First >= Spacing, $"{pair.First:O} then {pair.Second:O}"));

        // The window is still the hard cap, and no 100 ms holds more than the burst and its own share (8 + 8).
        Assert.Equal(80, MostWithin(sentAt, TimeSpan.FromSeconds(1)));
        Assert.InRange(MostWithin(sentAt, TimeSpan.FromMilliseconds(100)), 1, Burst + 8);

        // And the rate is kept: 80 in the first second, the other 40 within the next half (no burst after the first).
        Assert.Equal(80, sentAt.Count(t => t < start.AddSeconds(1)));
        Assert.True(sentAt.Max() < start.AddSeconds(1.5), $"the last send at {(sentAt.Max() - start).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task After_a_throughput_error_the_pace_halves_too()
    {
        var calls = 0;
        var sentAt = RecordSendTimes();
        var record = Respond;
        Respond = r => Interlocked.Increment(ref calls) == 1 ? GraphError(400, 130429, "Rate limit hit").WithHeader("Retry-After", "1") : record(r);
        var first = await EnqueueAsync();
        Assert.Equal(1, await DrainAsync());
        var ids = await EnqueueManyAsync(30);
        Assert.Equal(0, await DrainAsync());

        Host.Clock.Advance(TimeSpan.FromSeconds(1));
        var resumed = Now;
        for (var step = 0; step < 1200 && Sends.Count < ids.Count + 2; step++)
        {
            await DrainAsync();
            Host.Clock.Advance(Spacing / 5);
        }

        // 40 /s for a minute: a burst of four, then one start per 25 ms.
        Assert.Equal(ids.Count + 2, Sends.Count);
        Assert.Equal(4, sentAt.Count(t => t == resumed));
        var later = sentAt.Where(t => t > resumed).Order().ToList();
        Assert.All(later.Prepend(resumed).Zip(later), pair => Assert.True(pair.Second - pair.First >= Spacing * 2, $"{pair.First:O} then {pair.Second:O}"));
        Assert.Equal(OutboxStatus.Accepted, (await RowAsync(first)).Status);
        Assert.Equal(ids.Count + 1, Events.Accepted.Select(e => e.HostMessageId).Distinct().Count());
    }
}

/// <summary>
/// The pace as the product runs it: a send whose slot is a few milliseconds ahead waits for it in process (on the
/// product's clock, moved here by the test while the sender runs) instead of going back to the outbox.
/// </summary>
public abstract class OutboxPaceWaitTests(DatabaseKind kind) : OutboxPacingTests(kind)
{
    protected override IDictionary<string, string?> MoreSettings => new Dictionary<string, string?>
    {
        ["ContactCenter:Outbox:PaceWaitMilliseconds"] = "1000",
        ["ContactCenter:Outbox:HttpTimeoutSeconds"] = "10",
    };

    [Fact]
    public async Task A_send_waits_in_process_for_its_slot()
    {
        var sentAt = RecordSendTimes();
        var ids = await EnqueueManyAsync(40);

        var start = Now;
        var drain = Task.Run(() => DrainAsync());
        var deadline = start.AddSeconds(10);
        while (!drain.IsCompleted && Now < deadline)
        {
            Host.Clock.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }

        Assert.True(drain.IsCompleted, "the sender still waited after 10 s of clock time");
        Assert.Equal(40, await drain);
        await AllSentOnceAsync(ids);

        // Each send arrived no earlier than its slot: the burst at once, then one per 12.5 ms.
        var sorted = sentAt.Order().ToList();
        for (var k = Burst; k < sorted.Count; k++)
        {
            var slot = start + (Spacing * (k - Burst + 1));
            Assert.True(sorted[k] >= slot, $"send {k} at {(sorted[k] - start).TotalMilliseconds} ms, before its slot at {(slot - start).TotalMilliseconds} ms");
        }

        // All in one pass: claimed once and never put back (a row put back would be claimed again later, with a later lease).
        var leases = new HashSet<DateTime>();
        foreach (var id in ids)
        {
            leases.Add((await RowAsync(id)).NextAttemptAt);
        }

        Assert.Single(leases);
    }
}

public sealed class OutboxPaceTestsOnSqlite() : OutboxPaceTests(DatabaseKind.Sqlite);

public sealed class OutboxPaceTestsOnPostgres() : OutboxPaceTests(DatabaseKind.Postgres);

public sealed class OutboxPaceWaitTestsOnSqlite() : OutboxPaceWaitTests(DatabaseKind.Sqlite);

public sealed class OutboxPaceWaitTestsOnPostgres() : OutboxPaceWaitTests(DatabaseKind.Postgres);
