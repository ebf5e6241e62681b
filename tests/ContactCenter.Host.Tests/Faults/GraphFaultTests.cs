using System.Text.Json.Nodes;
using ContactCenter.Channels.Conformance;
using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Channels.Outbound;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Outbound;

namespace ContactCenter.Host.Tests.Faults;

/// <summary>
/// The Graph API misbehaves in turn — too slow to answer (5 s, past the 1 s timeout these tests give the sender), then
/// 500, then 429 with Retry-After — and the host restarts in the middle. Twelve replies to four customers are queued;
/// each must reach the customer exactly once, in the order queued per customer, with nothing sent into a back-off
/// or a Retry-After. One send at a time, so every count is exact.
/// </summary>
public abstract class GraphFaultTests(DatabaseKind kind) : OutboxTest(kind)
{
    private static readonly string[] Customers = ["5511911110001", "5511911110002", "5511911110003", "5511911110004"];

    protected override IDictionary<string, string?> MoreSettings => new Dictionary<string, string?> { ["ContactCenter:Outbox:Parallelism"] = "1" };

    [Fact]
    public async Task Slow_failing_and_limiting_Graph_with_a_restart_between_delivers_each_queued_reply_once_in_order()
    {
        var queued = new List<(Guid Id, string Phone, string Text)>();
        for (var n = 1; n <= 3; n++)
        {
            foreach (var phone in Customers)
            {
                var text = $"Resposta {n} para {phone}";
                queued.Add((await EnqueueAsync(new SendText(text), phone), phone, text));
                Host.Clock.Advance(TimeSpan.FromMilliseconds(1)); // queued one after the other, as an agent types them
            }
        }

        // Slow: no answer within the timeout. The first reply of each customer is tried once; the rest wait behind it.
        Respond = _ => FakeHttpResponse.Hanging();
        Assert.Equal(4, await DrainAsync());
        Assert.Equal(0, await DrainAsync()); // backed off: nothing is sent again at once
        foreach (var (id, _, _) in queued.Take(4))
        {
            Assert.Equal("transport", (await RowAsync(id)).LastErrorCode);
        }

        // 500: each tried once more after its back-off (2–4 s after the first try), and backed off again.
        Respond = _ => GraphError(500, 131000, "Something went wrong");
        Host.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(4, await DrainAsync());
        Assert.Equal(0, await DrainAsync());

        // 429 with Retry-After: 60 s. The first send hits it and holds the whole account back: nobody else is called.
        Respond = _ => GraphError(429, 130429, "Rate limit hit").WithHeader("Retry-After", "60");
        Host.Clock.Advance(TimeSpan.FromSeconds(8));
        Assert.Equal(1, await DrainAsync());
        var limitedAt = Now;
        foreach (var (id, _, _) in queued.Take(4))
        {
            Assert.True((await RowAsync(id)).NextAttemptAt >= limitedAt.AddSeconds(60), "A reply was due inside the Retry-After.");
        }

        // A restart inside the Retry-After (the rate limiter's memory is gone, the rows' due times are not): queued replies
        // survive it, and nothing goes out before the provider's time.
        Respond = _ => Accept();
        await RestartAsync();
        Host.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await DrainAsync());
        Assert.Equal(4 + 4 + 1, Sends.Count);

        Host.Clock.Advance(TimeSpan.FromSeconds(1));
        var sent = 0;
        for (var round = 0; round < 10 && Events.Accepted.Count < queued.Count; round++)
        {
            sent += await DrainAsync();
            Host.Clock.Advance(TimeSpan.FromSeconds(2));
        }

        var delivered = Sends.Skip(9).Select(r => (string)JsonNode.Parse(r.Body)!["text"]!["body"]!).ToList();
        var acceptedIds = Events.Accepted.Select(e => e.HostMessageId).ToList();
        FaultLedger.Record($"Graph API slow (past the timeout), 500, 429 + Retry-After, host restart between ({Kind}): 12 queued replies", new FaultCounts(
            Acknowledged: queued.Count,
            Processed: acceptedIds.Distinct().Count(),
            Lost: queued.Count(q => !acceptedIds.Contains(q.Id)),
            Doubled: delivered.Count - delivered.Distinct().Count(),
            DoubleAssignments: 0));

        Assert.Equal(queued.Count, sent);
        Assert.Equal(queued.Select(q => q.Text).Order(), delivered.Order());
        Assert.Equal(queued.Count, acceptedIds.Count);
        Assert.Empty(Events.Failed);
        foreach (var phone in Customers)
        {
            Assert.Equal(queued.Where(q => q.Phone == phone).Select(q => q.Text), delivered.Where(t => t.EndsWith(phone, StringComparison.Ordinal)));
        }

        foreach (var (id, _, _) in queued)
        {
            Assert.Equal(OutboxStatus.Accepted, (await RowAsync(id)).Status);
        }

        Host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await DrainAsync());
    }
}

public sealed class GraphFaultTestsOnSqlite() : GraphFaultTests(DatabaseKind.Sqlite);

public sealed class GraphFaultTestsOnPostgres() : GraphFaultTests(DatabaseKind.Postgres);
