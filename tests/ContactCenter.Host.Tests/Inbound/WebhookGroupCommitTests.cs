using System.Net;
using System.Text;
using ContactCenter.Channels.Inbox;
using ContactCenter.Channels.Webhooks;
using ContactCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Inbound;

/// <summary>
/// Webhook acknowledgement by group commit: concurrent requests share one commit, each is answered only once its
/// row is durable, and a failed commit answers its whole group 503 with nothing of theirs stored.
/// The writer is held inside its first commit (its test hook) so that the groups the tests look at are known.
/// </summary>
public abstract class WebhookGroupCommitTests(DatabaseKind kind) : InboundTest(kind)
{
    private InboxGroupCommit Writer => Host.Services.GetRequiredService<InboxGroupCommit>();

    [Fact]
    public async Task Concurrent_webhooks_share_one_commit_and_each_is_answered_only_once_stored_then_processed_exactly_once()
    {
        var account = await CreateAccountAsync();
        var held = new Hold();
        var groups = new List<int>();
        Writer.BeforeCommit = async rows =>
        {
            lock (groups)
            {
                groups.Add(rows.Count);
            }

            await held.OnFirstAsync();
        };

        var first = PostWebhookAsync(account, Text("wamid.g0", "primeira", from: Phone(0)));
        await held.Entered;
        var rest = Enumerable.Range(1, 39).Select(i => PostWebhookAsync(account, Text($"wamid.g{i}", $"mensagem {i}", from: Phone(i)))).ToList();
        await UntilAsync(() => Writer.Queued == 39);

        Assert.False(first.IsCompleted); // its commit has not happened yet, so neither has its answer
        Assert.Equal(0, InboxRows());
        held.Release();
        var answers = await Task.WhenAll(rest.Prepend(first));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal([1, 39], groups);
        Assert.Equal(40, InboxRows());
        await ProcessAsync();
        foreach (var i in Enumerable.Range(0, 40))
        {
            Assert.Single(await MessagesAsync($"wamid.g{i}"));
        }

        Assert.Empty(await FailuresAsync());
    }

    [Fact]
    public async Task A_failed_commit_answers_every_request_of_its_group_503_stores_none_of_them_and_later_requests_succeed()
    {
        var account = await CreateAccountAsync();
        var held = new Hold();
        var commits = 0;
        Writer.BeforeCommit = async _ =>
        {
            if (Interlocked.Increment(ref commits) == 2)
            {
                throw new InvalidOperationException("the disk is full");
            }

            await held.OnFirstAsync();
        };

        var before = PostWebhookAsync(account, Text("wamid.before", "antes"));
        await held.Entered;
        var failing = Enumerable.Range(0, 10).Select(i => PostWebhookAsync(account, Text($"wamid.f{i}", $"perdida {i}", from: Phone(i)))).ToList();
        await UntilAsync(() => Writer.Queued == 10);
        held.Release();

        Assert.Equal(HttpStatusCode.OK, (await before).StatusCode);
        foreach (var answer in await Task.WhenAll(failing))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            Assert.Equal("inbox_unavailable", (string?)(await answer.ReadJsonAsync())["code"]);
        }

        Assert.Equal(1, InboxRows());
        var after = await PostWebhookAsync(account, Text("wamid.after", "depois"));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        await ProcessAsync();
        Assert.Single(await MessagesAsync("wamid.before"));
        Assert.Single(await MessagesAsync("wamid.after"));
        foreach (var i in Enumerable.Range(0, 10))
        {
            Assert.Empty(await MessagesAsync($"wamid.f{i}"));
        }
    }

    [Fact]
    public async Task A_request_given_up_by_its_caller_during_the_commit_is_not_answered_but_its_committed_row_is_kept()
    {
        var account = await CreateAccountAsync();
        var held = new Hold();
        Writer.BeforeCommit = _ => held.OnFirstAsync();
        using var giveUp = new CancellationTokenSource();

        var abandoned = PostWebhookAsync(account, Encoding.UTF8.GetBytes(Text("wamid.abandoned", "alô?")), cancellationToken: giveUp.Token);
        await held.Entered;
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        held.Release();

        // The writer commits one group at a time: once a later webhook is answered, the held group is settled.
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(account, Text("wamid.next", "oi", from: Phone(1)))).StatusCode);
        Assert.Equal(2, InboxRows());
        await ProcessAsync();
        Assert.Single(await MessagesAsync("wamid.abandoned"));
    }

    [Fact]
    public async Task On_stop_the_queued_webhooks_are_still_committed_and_answered_and_later_ones_get_503()
    {
        var account = await CreateAccountAsync();
        var held = new Hold();
        Writer.BeforeCommit = _ => held.OnFirstAsync();

        var first = PostWebhookAsync(account, Text("wamid.s0", "um", from: Phone(0)));
        await held.Entered;
        var queued = Enumerable.Range(1, 5).Select(i => PostWebhookAsync(account, Text($"wamid.s{i}", $"fila {i}", from: Phone(i)))).ToList();
        await UntilAsync(() => Writer.Queued == 5);
        var stopping = Writer.StopAsync(CancellationToken.None);
        held.Release();
        await stopping;

        Assert.All(await Task.WhenAll(queued.Prepend(first)), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(6, InboxRows());
        var late = await PostWebhookAsync(account, Text("wamid.late", "tarde demais"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, late.StatusCode);
        Assert.Equal(6, InboxRows());
    }

    [Fact]
    public async Task Unknown_accounts_oversized_bodies_and_bad_signatures_are_answered_as_before_without_entering_the_queue()
    {
        var account = await CreateAccountAsync();
        var commits = 0;
        Writer.BeforeCommit = _ =>
        {
            Interlocked.Increment(ref commits);
            return Task.CompletedTask;
        };

        var unknown = await PostWebhookAsync(Guid.CreateVersion7(), Text("wamid.x1", "oi"));
        var huge = await PostWebhookAsync(account, Text("wamid.x2", new string('x', 1024 * 1024)));
        var forged = await PostWebhookAsync(account, Encoding.UTF8.GetBytes(Text("wamid.x3", "oi")), secret: "wrong");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(0, commits);
        Assert.Equal(0, InboxRows());
    }

    private static string Phone(int i) => $"55119{i:D8}";

    /// <summary>Waits (bounded) for the writer's queue to reach a state another task drives it to.</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }

    /// <summary>Holds the writer inside its first commit until released; later commits pass.</summary>
    private sealed class Hold
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _calls;

        public Task Entered => _entered.Task;

        public Task OnFirstAsync()
        {
            if (Interlocked.Increment(ref _calls) != 1)
            {
                return Task.CompletedTask;
            }

            _entered.TrySetResult();
            return _released.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        public void Release() => _released.TrySetResult();
    }
}

public sealed class WebhookGroupCommitTestsOnSqlite() : WebhookGroupCommitTests(DatabaseKind.Sqlite);

public sealed class WebhookGroupCommitTestsOnPostgres() : WebhookGroupCommitTests(DatabaseKind.Postgres);
