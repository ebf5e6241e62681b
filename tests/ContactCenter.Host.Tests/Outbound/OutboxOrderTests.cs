using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Channels.Outbound;
using ContactCenter.Host.Tests.Infrastructure;
using System.Text.Json.Nodes;

namespace ContactCenter.Host.Tests.Outbound;

/// <summary>
/// Concurrent sending keeps each conversation's order (a message that is not out yet holds back the later ones to
/// the same recipient, on this node and on others), and a provider's 429 holds the whole account back until its Retry-After.
/// </summary>
public abstract class OutboxOrderTests(DatabaseKind kind) : OutboxTest(kind)
{
    private const string Other = "5521999990000";

    [Fact]
    public async Task Two_conversations_go_out_side_by_side_and_each_keeps_its_order_past_a_retry()
    {
        var toAna = 0;
        Respond = r => To(r) == "+" + Phone && Interlocked.Increment(ref toAna) == 1 ? GraphError(500, 1, "Temporary failure") : Accept();
        foreach (var i in Enumerable.Range(1, 3))
        {
            await EnqueueAsync(new SendText($"ana {i}"));
            Host.Clock.Advance(TimeSpan.FromMilliseconds(1)); // queued one after the other, as an agent types them
            await EnqueueAsync(new SendText($"bia {i}"), phone: Other);
            Host.Clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        await DrainAsync();
        Assert.Equal(["ana 1"], TextsTo(Phone)); // failed; "ana 2" and "ana 3" must not overtake it
        Assert.Equal(["bia 1", "bia 2", "bia 3"], TextsTo(Other));

        Host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await DrainAsync()); // still inside the first retry's backoff (1–2 s)
        Host.Clock.Advance(TimeSpan.FromSeconds(2));
        await DrainAsync();
        Host.Clock.Advance(TimeSpan.FromSeconds(2));
        await DrainAsync();

        Assert.Equal(["ana 1", "ana 1", "ana 2", "ana 3"], TextsTo(Phone));
        Assert.Equal(6, Events.Accepted.Select(e => e.HostMessageId).Distinct().Count());
        Assert.Equal(6, Events.Accepted.Count);
    }

    [Fact]
    public async Task Two_nodes_sending_at_once_keep_a_conversations_order_and_send_nothing_twice()
    {
        var second = StartNode();
        foreach (var i in Enumerable.Range(1, 12))
        {
            await EnqueueAsync(new SendText($"ana {i}"));
            await EnqueueAsync(new SendText($"outro {i}"), phone: $"55119{i:D8}");
            Host.Clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        for (var round = 0; round < 20 && Sends.Count < 24; round++)
        {
            await Task.WhenAll(Task.Run(() => DrainAsync()), Task.Run(() => DrainAsync(second)));
            Host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"ana {i}"), TextsTo(Phone));
        Assert.Equal(24, Sends.Count);
        Assert.Equal(24, Events.Accepted.Select(e => e.HostMessageId).Distinct().Count());
    }

    [Fact]
    public async Task A_429_with_retry_after_holds_the_account_back_and_the_message_then_goes_out_once()
    {
        var calls = 0;
        Respond = _ => Interlocked.Increment(ref calls) == 1
            ? GraphError(429, 80007, "Application request limit reached").WithHeader("Retry-After", "20")
            : Accept();
        var first = await EnqueueAsync(new SendText("primeira"));
        Assert.Equal(1, await DrainAsync());

        var other = await EnqueueAsync(new SendText("para outra pessoa"), phone: Other);
        Assert.Equal(0, await DrainAsync());
        Host.Clock.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(0, await DrainAsync());
        Host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await DrainAsync());
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await DrainAsync());

        Assert.Equal(["primeira", "primeira"], TextsTo(Phone));
        Assert.Equal(OutboxStatus.Accepted, (await RowAsync(first)).Status);
        Assert.Equal(OutboxStatus.Accepted, (await RowAsync(other)).Status);
        Assert.Single(Events.Accepted, e => e.HostMessageId == first);
    }

    private List<string> TextsTo(string phone) =>
        [.. Sends.Where(r => To(r) == "+" + phone).Select(r => (string)JsonNode.Parse(r.Body)!["text"]!["body"]!)];
}

public sealed class OutboxOrderTestsOnSqlite() : OutboxOrderTests(DatabaseKind.Sqlite);

public sealed class OutboxOrderTestsOnPostgres() : OutboxOrderTests(DatabaseKind.Postgres);
