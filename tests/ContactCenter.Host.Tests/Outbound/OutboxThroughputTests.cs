using System.Text.Json.Nodes;
using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Channels.Outbound;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Outbound;

/// <summary>
/// Rate limits (configured at 5 messages/s here: a burst of one, then one start per 200 ms) and several senders on one
/// database. The clock stands still between moves, so a send paced ahead goes back to the outbox until its slot.
/// </summary>
public abstract class OutboxThroughputTests(DatabaseKind kind) : OutboxTest(kind)
{
    protected override double MessagesPerSecond => 5;

    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task No_more_than_the_configured_rate_is_sent_per_second_of_clock_time()
    {
        var sentAt = RecordSendTimes();
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await EnqueueAsync(phone: $"55119000000{i:00}"));
        }

        var start = Now;
        Assert.Equal(1, await DrainAsync()); // a quiet account's burst: a tenth of its rate, at least one
        Assert.Equal(0, await DrainAsync());
        Host.Clock.Advance(Spacing - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await DrainAsync());
        Host.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await DrainAsync());
        for (var step = 0; step < 100 && Sends.Count < 12; step++)
        {
            Host.Clock.Advance(TimeSpan.FromMilliseconds(50));
            await DrainAsync();
        }

        Assert.Equal([5, 5, 2], PerSecond(sentAt, start));
        Assert.All(sentAt.Zip(sentAt.Skip(1)), pair => Assert.True(pair.Second - pair.First >= Spacing, $"{pair.First:O} then {pair.Second:O}"));
        Assert.Equal(12, Sends.Count);
        Assert.Equal(12, Sends.Select(To).Distinct().Count());
        foreach (var id in ids)
        {
            var row = await RowAsync(id);
            Assert.Equal(OutboxStatus.Accepted, row.Status);
            Assert.Equal(1, row.Attempts); // waiting for the rate limit is not an attempt
        }
    }

    [Fact]
    public async Task The_rate_holds_over_a_batch_to_many_recipients_and_each_keeps_its_order()
    {
        var phones = Enumerable.Range(0, 12).Select(i => $"55119{i:D8}").ToList();
        var ids = new List<Guid>();
        foreach (var n in new[] { 1, 2 })
        {
            foreach (var phone in phones)
            {
                ids.Add(await EnqueueAsync(new SendText($"{phone} {n}"), phone: phone));
                Host.Clock.Advance(TimeSpan.FromMilliseconds(1));
            }
        }

        var sentAt = RecordSendTimes();
        var start = Now;
        for (var step = 0; step < 100 && Sends.Count < ids.Count; step++)
        {
            var before = Sends.Count;
            await DrainAsync();
            Assert.InRange(Sends.Count - before, 0, 1); // one start per 200 ms, whatever the batch holds
            await DrainAsync(); // a second pass at the same moment sends nothing more
            Assert.InRange(Sends.Count - before, 0, 1);
            Host.Clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal([5, 5, 5, 5, 4], PerSecond(sentAt, start));
        foreach (var phone in phones)
        {
            Assert.Equal([$"{phone} 1", $"{phone} 2"], Sends.Where(r => To(r) == "+" + phone).Select(r => (string)JsonNode.Parse(r.Body)!["text"]!["body"]!));
        }

        foreach (var id in ids)
        {
            var row = await RowAsync(id);
            Assert.Equal(OutboxStatus.Accepted, row.Status);
            Assert.Equal(1, row.Attempts); // waiting for the rate or behind an earlier message is no attempt
        }
    }

    [Fact]
    public async Task After_a_pair_rate_limit_only_that_recipient_waits()
    {
        var toAna = 0;
        Respond = r => To(r) == "+" + Phone && Interlocked.Increment(ref toAna) == 1 ? GraphError(400, 131056, "Pair rate limit hit") : Accept();
        var first = await EnqueueAsync(new SendText("1"));
        var second = await EnqueueAsync(new SendText("2"));
        Assert.Equal(1, await DrainAsync()); // refused for the pair; the second waits behind it

        var other = await EnqueueAsync(new SendText("3"), phone: "5521999990000");
        Host.Clock.Advance(Spacing);
        Assert.Equal(1, await DrainAsync()); // another recipient only keeps the account's pace

        Assert.Equal(OutboxStatus.Accepted, (await RowAsync(other)).Status);
        Assert.Single(Sends, r => To(r) == "+" + Phone);
        Host.Clock.Advance(TimeSpan.FromSeconds(5) - Spacing);
        Assert.Equal(0, await DrainAsync());
        Host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await DrainAsync());
        Host.Clock.Advance(Spacing);
        Assert.Equal(1, await DrainAsync());

        Assert.Equal(OutboxStatus.Accepted, (await RowAsync(first)).Status);
        Assert.Equal(OutboxStatus.Accepted, (await RowAsync(second)).Status);
        Assert.Equal(3, Sends.Count(r => To(r) == "+" + Phone));
    }

    [Fact]
    public async Task After_a_throughput_error_the_whole_account_pauses()
    {
        var calls = 0;
        Respond = _ => Interlocked.Increment(ref calls) == 1 ? GraphError(400, 130429, "Rate limit hit").WithHeader("Retry-After", "10") : Accept();
        var first = await EnqueueAsync();
        Assert.Equal(1, await DrainAsync());

        // Other recipients are held back too, not sent into the same wall.
        await EnqueueAsync(phone: "5521999990000");
        await EnqueueAsync(phone: "5521999990001");
        Assert.Equal(0, await DrainAsync());
        Host.Clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, await DrainAsync());
        Host.Clock.Advance(TimeSpan.FromSeconds(1));

        // Then it runs at half its rate (5/s here → 2/s: one start per 500 ms) for a minute.
        Assert.Equal(1, await DrainAsync());
        Host.Clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(0, await DrainAsync());
        Host.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await DrainAsync());
        Host.Clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(1, await DrainAsync());
        Assert.Equal(OutboxStatus.Accepted, (await RowAsync(first)).Status);
        Assert.Equal(4, Sends.Count);
    }

    [Fact]
    public async Task Two_nodes_on_one_database_never_send_the_same_row_twice()
    {
        var second = StartNode();
        var ids = new List<Guid>();
        for (var i = 0; i < 40; i++)
        {
            ids.Add(await EnqueueAsync(new SendText($"mensagem {i}"), phone: $"55119{i:00000000}"));
        }

        // Drained together, with the clock moved between rounds until every row went out (each node keeps its own
        // pace: together one start per 100 ms).
        var sent = 0;
        for (var round = 0; round < 200 && sent < 40; round++)
        {
            var both = await Task.WhenAll(Task.Run(() => DrainAsync()), Task.Run(() => DrainAsync(second)));
            sent += both.Sum();
            Host.Clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(40, sent);
        Assert.Equal(40, Sends.Count);
        Assert.Equal(40, Sends.Select(To).Distinct().Count());
        Assert.Equal(40, Events.Accepted.Select(e => e.HostMessageId).Distinct().Count());
        Assert.Equal(40, Events.Accepted.Count);
        foreach (var id in ids)
        {
            Assert.Equal(OutboxStatus.Accepted, (await RowAsync(id)).Status);
        }
    }

    /// <summary>The clock time at which each send reached the fake Graph API, in arrival order.</summary>
    private List<DateTime> RecordSendTimes()
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

    /// <summary>How many sends fell in each whole second of clock time from <paramref name="start"/>.</summary>
    private static List<int> PerSecond(List<DateTime> times, DateTime start) =>
        [.. times.GroupBy(t => (int)((t - start).Ticks / TimeSpan.TicksPerSecond)).OrderBy(g => g.Key).Select(g => g.Count())];
}

public sealed class OutboxThroughputTestsOnSqlite() : OutboxThroughputTests(DatabaseKind.Sqlite);

public sealed class OutboxThroughputTestsOnPostgres() : OutboxThroughputTests(DatabaseKind.Postgres);
