using System.Text.Json.Nodes;
using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Channels.Outbound;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Outbound;

/// <summary>Rate limits (configured at 5 messages/s here) and several senders on one database.</summary>
public abstract class OutboxThroughputTests(DatabaseKind kind) : OutboxTest(kind)
{
    protected override double MessagesPerSecond => 5;

    [Fact]
    public async Task No_more_than_the_configured_rate_is_sent_per_second_of_clock_time()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await EnqueueAsync(phone: $"55119000000{i:00}"));
        }

        Assert.Equal(5, await DrainAsync());
        Assert.Equal(0, await DrainAsync());
        Host.Clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, await DrainAsync());
        Host.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(5, await DrainAsync());
        Host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await DrainAsync());

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

        var perSecond = new List<int>();
        for (var second = 0; second < 10 && Sends.Count < ids.Count; second++)
        {
            var before = Sends.Count;
            await DrainAsync();
            await DrainAsync(); // a second pass in the same second sends nothing more
            perSecond.Add(Sends.Count - before);
            Host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal([5, 5, 5, 5, 4], perSecond);
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
        var other = await EnqueueAsync(new SendText("3"), phone: "5521999990000");

        Assert.Equal(2, await DrainAsync());

        Assert.Equal(OutboxStatus.Accepted, (await RowAsync(other)).Status);
        Assert.Single(Sends, r => To(r) == "+" + Phone);
        Host.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, await DrainAsync());
        Host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await DrainAsync());

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

        // Then it runs at half its rate (5/s here → 2/s) for a minute.
        Assert.Equal(2, await DrainAsync());
        Host.Clock.Advance(TimeSpan.FromSeconds(1));
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

        // Drained together, with the clock moved between rounds until every row went out.
        var sent = 0;
        for (var round = 0; round < 20 && sent < 40; round++)
        {
            var both = await Task.WhenAll(Task.Run(() => DrainAsync()), Task.Run(() => DrainAsync(second)));
            sent += both.Sum();
            Host.Clock.Advance(TimeSpan.FromSeconds(1));
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
}

public sealed class OutboxThroughputTestsOnSqlite() : OutboxThroughputTests(DatabaseKind.Sqlite);

public sealed class OutboxThroughputTestsOnPostgres() : OutboxThroughputTests(DatabaseKind.Postgres);
