using System.Text.Json.Nodes;
using ContactCenter.Channels.Conformance;
using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Channels.Outbound;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Outbound;

public abstract class OutboxDeliveryTests(DatabaseKind kind) : OutboxTest(kind)
{
    [Fact]
    public async Task An_accepted_message_keeps_the_provider_id_publishes_the_event_and_is_never_sent_again()
    {
        var id = await EnqueueAsync(new SendText("Olá! Seu imóvel está disponível.", PreviewUrl: true));

        Assert.Equal(1, await DrainAsync());

        var request = Assert.Single(Sends);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("+" + Phone, (string?)body["to"]);
        Assert.Equal("Olá! Seu imóvel está disponível.", (string?)body["text"]!["body"]);
        var row = await RowAsync(id);
        Assert.Equal(OutboxStatus.Accepted, row.Status);
        Assert.Equal("wamid.1", row.ProviderMessageId);
        var accepted = Assert.Single(Events.Accepted);
        Assert.Equal(new OutboundMessageAccepted(id, "wamid.1", Now), accepted);
        Assert.Empty(Events.Failed);

        Assert.Equal(0, await DrainAsync());
        Host.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await DrainAsync());
        Assert.Single(Sends);
        Assert.Single(Events.Accepted);
    }

    [Fact]
    public async Task A_failing_reaction_to_the_acceptance_does_not_make_the_message_go_out_twice()
    {
        Events.ThrowOnAccepted = true;
        var id = await EnqueueAsync();

        Assert.Equal(1, await DrainAsync());
        Host.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await DrainAsync());

        var row = await RowAsync(id);
        Assert.Equal((OutboxStatus.Accepted, "wamid.1"), (row.Status, row.ProviderMessageId));
        Assert.Single(Sends);
    }

    [Fact]
    public async Task Nothing_is_sent_until_the_callers_unit_of_work_is_saved_and_a_message_id_is_queued_once()
    {
        var id = Guid.CreateVersion7();
        await using (var scope = Node.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IOutbox>().Enqueue(
                new OutboundRequest(id, AccountId, new OutboundRecipient(Phone), new SendText("never saved")));
        }

        Assert.Equal(0, await DrainAsync());
        Assert.Empty(Sends);

        await EnqueueWithIdAsync(id);
        await Assert.ThrowsAsync<DbUpdateException>(() => EnqueueWithIdAsync(id));
        Assert.Equal(1, await DrainAsync());
    }

    [Fact]
    public async Task A_server_error_is_retried_after_a_backoff_and_the_message_is_sent_once()
    {
        var calls = 0;
        Respond = _ => Interlocked.Increment(ref calls) == 1 ? GraphError(500, 131000, "Something went wrong") : Accept();
        var id = await EnqueueAsync();

        Assert.Equal(1, await DrainAsync());
        var row = await RowAsync(id);
        Assert.Equal(OutboxStatus.Pending, row.Status);
        Assert.Equal(nameof(OutboundFailureKind.Retryable), row.LastErrorKind);
        Assert.Equal("131000", row.LastErrorCode);
        Assert.InRange(row.NextAttemptAt, Now.AddSeconds(1), Now.AddSeconds(2));

        Assert.Equal(0, await DrainAsync());
        Host.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await DrainAsync());

        Assert.Equal(2, Sends.Count);
        Assert.Equal(OutboxStatus.Accepted, (await RowAsync(id)).Status);
        Assert.Equal("wamid.1", Assert.Single(Events.Accepted).ProviderMessageId);
        Assert.Empty(Events.Failed);
        Assert.Equal(0, await DrainAsync());
    }

    [Fact]
    public async Task A_throughput_error_waits_for_the_providers_retry_after()
    {
        var calls = 0;
        Respond = _ => Interlocked.Increment(ref calls) == 1
            ? GraphError(429, 130429, "Rate limit hit").WithHeader("Retry-After", "30")
            : Accept();
        var id = await EnqueueAsync();

        Assert.Equal(1, await DrainAsync());
        Assert.Equal(nameof(OutboundFailureKind.RateLimited), (await RowAsync(id)).LastErrorKind);
        Host.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await DrainAsync());
        Host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await DrainAsync());

        Assert.Equal(OutboxStatus.Accepted, (await RowAsync(id)).Status);
        Assert.Equal(2, Sends.Count);
    }

    [Fact]
    public async Task A_provider_that_does_not_answer_in_time_is_retried()
    {
        Respond = _ => FakeHttpResponse.Hanging();
        var id = await EnqueueAsync();

        Assert.Equal(1, await DrainAsync());

        var row = await RowAsync(id);
        Assert.Equal(OutboxStatus.Pending, row.Status);
        Assert.Equal(nameof(OutboundFailureKind.Retryable), row.LastErrorKind);
        Assert.Equal("transport", row.LastErrorCode);
        Assert.Empty(Events.Failed);
    }

    [Fact]
    public async Task A_refused_connection_is_retried()
    {
        var unreachable = await CreateAccountAsync(new Uri(FakeHttpServer.UnusedLocalAddress(), "v24.0").ToString(), "Offline");
        var id = await EnqueueAsync(accountId: unreachable);

        Assert.Equal(1, await DrainAsync());

        var row = await RowAsync(id);
        Assert.Equal(OutboxStatus.Pending, row.Status);
        Assert.Equal(nameof(OutboundFailureKind.Retryable), row.LastErrorKind);
        Assert.Contains("could not be reached", row.LastErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crash_between_sending_and_the_outcome_is_retried_once_the_lease_ends()
    {
        var id = await EnqueueAsync();
        await using (var scope = Node.Services.CreateAsyncScope())
        {
            // A sender that claimed the row and died before calling the provider (or before saving its answer).
            var claimed = await scope.ServiceProvider.GetRequiredService<OutboxClaims>().ClaimDueAsync("crashed-node", default);
            Assert.Single(claimed);
        }

        Assert.Equal(0, await DrainAsync());
        Assert.Equal(OutboxStatus.Sending, (await RowAsync(id)).Status);
        Host.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(1, await DrainAsync());

        var row = await RowAsync(id);
        Assert.Equal(OutboxStatus.Accepted, row.Status);
        Assert.Equal(2, row.Attempts);
        Assert.Single(Sends);
        Assert.Single(Events.Accepted);
    }

    [Fact]
    public async Task Read_receipts_go_through_the_outbox_after_the_messages_that_are_due()
    {
        var read = await EnqueueAsync(new SendReadReceipt("wamid.inbound-1"));
        var text = await EnqueueAsync();
        Respond = r => JsonNode.Parse(r.Body)?["status"] is not null ? FakeHttpResponse.Json(200, """{"success":true}""") : Accept();

        Assert.Equal(2, await DrainAsync());

        Assert.Equal(["text", "read"], Sends.Select(r => JsonNode.Parse(r.Body)?["status"] is null ? "text" : "read"));
        Assert.Equal("wamid.inbound-1", (string?)JsonNode.Parse(Sends[1].Body)!["message_id"]);
        Assert.Equal(OutboxStatus.Accepted, (await RowAsync(read)).Status);
        Assert.Contains(Events.Accepted, e => e.HostMessageId == read && e.ProviderMessageId is null);
        Assert.Contains(Events.Accepted, e => e.HostMessageId == text);
    }

    private async Task EnqueueWithIdAsync(Guid id)
    {
        await using var scope = Node.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IOutbox>().Enqueue(
            new OutboundRequest(id, AccountId, new OutboundRecipient(Phone), new SendText("saved")));
        await scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>().SaveChangesAsync();
    }
}

public sealed class OutboxDeliveryTestsOnSqlite() : OutboxDeliveryTests(DatabaseKind.Sqlite);

public sealed class OutboxDeliveryTestsOnPostgres() : OutboxDeliveryTests(DatabaseKind.Postgres);
