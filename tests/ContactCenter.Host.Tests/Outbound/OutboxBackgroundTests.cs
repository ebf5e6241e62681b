using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Outbound;

/// <summary>The real background sender: an enqueue wakes it at once (its poll here is an hour).</summary>
public abstract class OutboxBackgroundTests(DatabaseKind kind) : OutboxTest(kind)
{
    protected override bool BackgroundSending => true;

    [Fact]
    public async Task A_saved_enqueue_wakes_the_sender_right_away()
    {
        var id = await EnqueueAsync();

        var accepted = await Events.FirstAccepted.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Equal(id, accepted.HostMessageId);
        Assert.Single(Sends);
    }
}

public sealed class OutboxBackgroundTestsOnSqlite() : OutboxBackgroundTests(DatabaseKind.Sqlite);

public sealed class OutboxBackgroundTestsOnPostgres() : OutboxBackgroundTests(DatabaseKind.Postgres);
