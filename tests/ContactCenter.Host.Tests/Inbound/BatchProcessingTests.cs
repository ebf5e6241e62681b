using System.Collections.Concurrent;
using System.Net;
using ContactCenter.Channels.Inbox;
using ContactCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Inbound;

/// <summary>
/// The inbox processor takes stored webhooks a batch per transaction: what one batch must get right (a poison row,
/// duplicates inside it, one contact's order) and, on PostgreSQL, workers taking disjoint batches. The background
/// worker is stopped first, so the webhooks of a test wait together and one drain takes them as one batch.
/// </summary>
public abstract class BatchProcessingTests(DatabaseKind kind) : InboundTest(kind)
{
    private protected InboxProcessor Processor => Host.Services.GetRequiredService<InboxProcessor>();

    [Fact]
    public async Task A_malformed_row_is_set_aside_as_a_failure_and_the_rest_of_its_batch_is_stored()
    {
        var account = await CreateAccountAsync();
        var batches = await HoldBackgroundProcessingAsync();
        await PostAllAsync(account,
            Text("wamid.p1", "Bom dia", from: "5511911110001"),
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{",
            Text("wamid.p2", "Tem vaga?", from: "5511911110002"),
            "[1, 2, 3]",
            Text("wamid.p3", "Obrigado", from: "5511911110001"));

        await Processor.DrainAsync();

        Assert.Equal(5, Assert.Single(batches).Count);
        Assert.Equal(["Bom dia"], (await MessagesAsync("wamid.p1")).Select(m => (string?)m!["text"]));
        Assert.Equal(["Tem vaga?"], (await MessagesAsync("wamid.p2")).Select(m => (string?)m!["text"]));
        Assert.Equal(["Obrigado"], (await MessagesAsync("wamid.p3")).Select(m => (string?)m!["text"]));
        var failures = await FailuresAsync();
        Assert.Equal(2, failures.Count);
        Assert.All(failures, f =>
        {
            Assert.Equal(account, (Guid?)f!["channelAccountId"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)f["reason"]));
        });
        Assert.Equal(2, (await ConversationsAsync()).Count);
    }

    [Fact]
    public async Task Duplicates_inside_one_batch_are_stored_once()
    {
        var account = await CreateAccountAsync();
        var batches = await HoldBackgroundProcessingAsync();
        var both = Envelope(Inner("wamid.b1", "text", """{"body":"um"}""") + "," + Inner("wamid.b2", "text", """{"body":"dois"}"""));
        await PostAllAsync(account,
            both,
            Text("wamid.b1", "um"),
            both, // Meta's retry of the whole webhook, before the first was processed
            Envelope(Inner("wamid.b2", "text", """{"body":"dois"}""") + "," + Inner("wamid.b3", "text", """{"body":"três"}""")));

        await Processor.DrainAsync();

        Assert.Equal(4, Assert.Single(batches).Count);
        foreach (var id in new[] { "wamid.b1", "wamid.b2", "wamid.b3" })
        {
            Assert.Single(await MessagesAsync(id));
        }

        var conversation = Assert.Single(await ConversationsAsync())!;
        var messages = (await Host.CreateAdminClient().GetJsonAsync($"/api/v1/conversations/{conversation["id"]}/messages"))["items"]!.AsArray();
        Assert.Equal(["um", "dois", "três"], messages.Select(m => (string?)m!["text"]));
        Assert.Empty(await FailuresAsync());
    }

    [Fact]
    public async Task One_contacts_messages_are_applied_in_the_order_they_came_within_a_batch()
    {
        var account = await CreateAccountAsync();
        var batches = await HoldBackgroundProcessingAsync();
        var ana = "5511922220001";
        var bia = "5511922220002";
        var at = Host.Clock.GetUtcNow();
        await PostAllAsync(account,
            Text("wamid.o1", "Quero ver o apartamento", at, ana),
            Text("wamid.o2", "Oi", at, bia),
            Envelope(Inner("wamid.o3", "edit", """{"original_message_id":"wamid.o1","message":{"type":"text","text":{"body":"Quero ver a casa"}}}""", at, ana), ana),
            Envelope(Inner("wamid.o4", "reaction", """{"message_id":"wamid.o6","emoji":"👍"}""", at, bia), bia),
            Envelope(Inner("wamid.o5", "edit", """{"original_message_id":"wamid.o1","message":{"type":"text","text":{"body":"Quero ver a casa amanhã"}}}""", at, ana), ana),
            Text("wamid.o6", "Qual o preço?", at, bia));

        await Processor.DrainAsync();

        Assert.Equal(6, Assert.Single(batches).Count);
        // Ana's two edits of her first message, applied in her order: the last one is what shows, the others are history.
        var first = await SingleMessageAsync("wamid.o1");
        Assert.Equal("Quero ver a casa amanhã", (string?)first["text"]);
        Assert.Equal(["Quero ver o apartamento", "Quero ver a casa"], first["previousTexts"]!.AsArray().Select(t => (string?)t));
        // Bia's reaction came before the message it reacts to, in the same batch: applied when the message was.
        Assert.Equal(["👍"], (await SingleMessageAsync("wamid.o6"))["reactions"]!.AsArray().Select(r => (string?)r));
        // Each contact's first message opened their conversation; the later ones joined it.
        var conversations = await ConversationsAsync();
        Assert.Equal(2, conversations.Count);
        Assert.Equal((string?)first["conversationId"], (string?)(await SingleMessageAsync("wamid.o5"))["conversationId"]);
        Assert.Equal((string?)(await SingleMessageAsync("wamid.o2"))["conversationId"], (string?)(await SingleMessageAsync("wamid.o6"))["conversationId"]);
        Assert.Empty(await FailuresAsync());
    }

    /// <summary>Stops the background worker (the test drains by hand) and records the rows of every committed batch.</summary>
    protected async Task<ConcurrentQueue<IReadOnlyList<Guid>>> HoldBackgroundProcessingAsync()
    {
        await Processor.StopAsync(TestContext.Current.CancellationToken);
        var batches = new ConcurrentQueue<IReadOnlyList<Guid>>();
        Processor.Committed = batches.Enqueue;
        return batches;
    }

    protected async Task PostAllAsync(Guid account, params string[] webhooks)
    {
        foreach (var webhook in webhooks)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(account, webhook)).StatusCode);
            Host.Clock.Advance(TimeSpan.FromMilliseconds(1)); // the order they came in, as the real clock would tell it
        }
    }

    protected async Task<System.Text.Json.Nodes.JsonArray> ConversationsAsync() =>
        (await Host.CreateAdminClient().GetJsonAsync("/api/v1/conversations"))["items"]!.AsArray();
}

public sealed class BatchProcessingTestsOnSqlite() : BatchProcessingTests(DatabaseKind.Sqlite);

public sealed class BatchProcessingTestsOnPostgres() : BatchProcessingTests(DatabaseKind.Postgres)
{
    [Fact]
    public async Task Two_workers_take_disjoint_batches_and_store_every_message_once()
    {
        var account = await CreateAccountAsync();
        var batches = await HoldBackgroundProcessingAsync();
        var size = Processor.BatchSize;

        // Two batches' worth from two groups of contacts, so neither worker waits for the other's contact locks.
        var webhooks = Enumerable.Range(0, 2 * size)
            .Select(i => Text($"wamid.w{i}", $"mensagem {i}", from: $"55119333{i / size}{i % 5:D4}"))
            .ToArray();
        await PostAllAsync(account, webhooks);

        // Each worker holds its batch open until the other has claimed one too: the two transactions overlap. The
        // second starts once the first holds its rows: two claims running at the same instant would each take every
        // other row, mixing the two groups of contacts, and then wait for each other's contact locks (the batches
        // would still be disjoint and every message stored once, but not as two batches).
        var holding = 0;
        var firstHolding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bothHolding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Processor.BeforeCommit = async () =>
        {
            if (Interlocked.Increment(ref holding) == 1)
            {
                firstHolding.TrySetResult();
            }
            else
            {
                bothHolding.TrySetResult();
            }

            await bothHolding.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        };
        var first = Task.Run(() => Processor.DrainAsync());
        await firstHolding.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        await Task.WhenAll(first, Task.Run(() => Processor.DrainAsync()));
        Processor.BeforeCommit = null;

        Assert.True(bothHolding.Task.IsCompletedSuccessfully, "the two workers' batches did not overlap");
        var taken = batches.ToList();
        Assert.True(taken.Count == 2, $"expected two batches of {size}, got {string.Join(" + ", taken.Select(b => b.Count))}");
        Assert.Empty(taken[0].Intersect(taken[1]));
        Assert.Equal(2 * size, taken.Sum(b => b.Count));

        // Then contacts shared by both workers' batches, new and known, without holding anyone back.
        var shared = Enumerable.Range(0, 2 * size)
            .Select(i => Text($"wamid.s{i}", $"outra {i}", from: i % 2 == 0 ? $"55119333{i % 2}{i % 5:D4}" : $"5511944440{i % 7:D3}"))
            .ToArray();
        await PostAllAsync(account, shared);
        await Task.WhenAll(Task.Run(() => Processor.DrainAsync()), Task.Run(() => Processor.DrainAsync()));

        foreach (var id in Enumerable.Range(0, 2 * size).SelectMany(i => new[] { $"wamid.w{i}", $"wamid.s{i}" }))
        {
            Assert.Single(await MessagesAsync(id));
        }

        // One conversation per contact: 5 + 5 from the first round, 7 new ones from the second.
        Assert.Equal(17, (await ConversationsAsync()).Count);
        Assert.Empty(await FailuresAsync());
    }

    [Fact]
    public async Task A_reaction_in_one_workers_batch_finds_its_message_stored_by_another_worker_at_the_same_time()
    {
        var account = await CreateAccountAsync();
        await PostWebhookAsync(account, Text("wamid.k0", "Oi"));
        await ProcessAsync(); // the contact exists: the workers meet at its lock, not at a unique index
        await HoldBackgroundProcessingAsync();

        // The first worker stores the message and holds its transaction open.
        await PostAllAsync(account, Text("wamid.k1", "Quero ver o apartamento"));
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = 0;
        Processor.BeforeCommit = async () =>
        {
            if (Interlocked.Exchange(ref first, 1) == 0)
            {
                holding.TrySetResult();
                await release.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            }
        };
        var storing = Task.Run(() => Processor.DrainAsync());
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // The second takes the reaction (with another contact's message: a batch, prepared at once) and must wait
        // for the contact before it reads whether the message exists.
        await PostAllAsync(account,
            Envelope(Inner("wamid.k2", "reaction", """{"message_id":"wamid.k1","emoji":"👍"}""")),
            Text("wamid.k3", "Bom dia", from: "5511977770001"));
        var reacting = Task.Run(() => Processor.DrainAsync());
        await WaitForALockWaitAsync();
        release.SetResult();
        await Task.WhenAll(storing, reacting);
        Processor.BeforeCommit = null;

        Assert.Equal(["👍"], (await SingleMessageAsync("wamid.k1"))["reactions"]!.AsArray().Select(r => (string?)r));
        Assert.Empty(await FailuresAsync());
    }

    private async Task WaitForALockWaitAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(Host.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var waiting = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((long)(await waiting.ExecuteScalarAsync(TestContext.Current.CancellationToken))! == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the second worker never waited for the first one's contact lock");
            await Task.Delay(20, TestContext.Current.CancellationToken); // polling another process's state, not the clock
        }
    }
}
