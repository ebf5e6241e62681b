using System.Text.Json.Nodes;
using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Outbound;

/// <summary>
/// One pass of the sender takes a batch of rows, sends them to many recipients at once and writes their outcomes
/// together (issue 10): each recipient's messages still go out in the order they were queued, and nothing goes out twice.
/// </summary>
public abstract class OutboxBatchTests(DatabaseKind kind) : OutboxTest(kind)
{
    private const int Recipients = 12;

    // Sends that wait for each other below must not hit the HTTP timeout on a busy machine.
    protected override IDictionary<string, string?> MoreSettings => new Dictionary<string, string?>
    {
        ["ContactCenter:Outbox:HttpTimeoutSeconds"] = "10",
    };

    [Fact]
    public async Task A_batch_to_many_recipients_goes_out_at_once_and_each_recipient_keeps_its_order()
    {
        // The fake holds each send until three are in flight together (or a few seconds pass): one at a time never gets there.
        var inFlight = 0;
        var most = 0;
        using var together = new ManualResetEventSlim();
        Respond = _ =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            if (now >= 3)
            {
                together.Set();
            }

            together.Wait(TimeSpan.FromSeconds(5));
            Interlocked.Decrement(ref inFlight);
            return Accept();
        };
        var ids = await EnqueueForAllAsync(messagesEach: 3);

        Assert.Equal(ids.Count, await DrainAsync());

        Assert.True(most >= 3, $"at most {most} sends were in flight at once");
        foreach (var phone in Phones())
        {
            Assert.Equal([$"{phone} 1", $"{phone} 2", $"{phone} 3"], TextsTo(phone));
        }

        Assert.Equal(ids.Count, Sends.Count);
        Assert.Equal(ids.Count, Events.Accepted.Select(e => e.HostMessageId).Distinct().Count());
        foreach (var id in ids)
        {
            var row = await RowAsync(id);
            Assert.Equal(OutboxStatus.Accepted, row.Status);
            Assert.StartsWith("wamid.", row.ProviderMessageId, StringComparison.Ordinal);
            Assert.Null(row.LeaseOwner);
        }

        Assert.Equal(ids.Count, Sends.Select(r => (string)JsonNode.Parse(r.Body)!["text"]!["body"]!).Distinct().Count());
    }

    private static IEnumerable<string> Phones(int recipients = Recipients) => Enumerable.Range(0, recipients).Select(i => $"55119{i:D8}");

    /// <summary>Queues <paramref name="messagesEach"/> texts to each recipient, one after the other as agents type them.</summary>
    private async Task<List<Guid>> EnqueueForAllAsync(int messagesEach, int recipients = Recipients)
    {
        var ids = new List<Guid>();
        for (var n = 1; n <= messagesEach; n++)
        {
            foreach (var phone in Phones(recipients))
            {
                ids.Add(await EnqueueAsync(new SendText($"{phone} {n}"), phone: phone));
                Host.Clock.Advance(TimeSpan.FromMilliseconds(1));
            }
        }

        return ids;
    }

    private List<string> TextsTo(string phone) =>
        [.. Sends.Where(r => To(r) == "+" + phone).Select(r => (string)JsonNode.Parse(r.Body)!["text"]!["body"]!)];

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}

public sealed class OutboxBatchTestsOnSqlite() : OutboxBatchTests(DatabaseKind.Sqlite);

public sealed class OutboxBatchTestsOnPostgres() : OutboxBatchTests(DatabaseKind.Postgres);
