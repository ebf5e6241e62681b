using System.Threading.Channels;
using Autofac;
using ContactCenter.Channels.Inbox;
using ContactCenter.Kernel.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Webhooks;

/// <summary>
/// Group commit for webhook acknowledgements: concurrent requests hand their inbox row to one writer loop, which
/// inserts every row that arrived while its previous commit ran (up to <see cref="InboxGroupCommitOptions.MaxRows"/>)
/// in one transaction, and only then completes each request's task. One durable commit per group instead of one
/// per webhook is what lets acknowledgements keep up with the provider: the cost of a commit is the disk flush, not
/// the rows. There is no timer: under light load a group is one row, committed at once; under heavy load groups grow
/// by themselves while the previous flush runs.
/// <para>
/// A failed commit fails every request of its group (the endpoint answers 503, the provider retries) and none of
/// their rows is stored. On stop the queue is closed and what is in it is committed before the loop ends, so a
/// request that got in is answered either way. The processor is woken after each group.
/// </para>
/// <para>
/// On SQLite the writer takes its turn at the shared <see cref="IWriteGate"/> with the inbox processor and routing
/// rounds (first come, first served), so it never loses SQLite's write lock to the processor's next batch.
/// </para>
/// </summary>
internal sealed class InboxGroupCommit(
    ILifetimeScope root, IWriteGate gate, InboxSignal signal, InboxGroupCommitOptions options, ILogger<InboxGroupCommit> logger)
    : BackgroundService
{
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(options.QueueCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Runs after a group's rows are inserted and before its commit; tests make it throw to play a failed commit.</summary>
    internal Func<IReadOnlyList<InboxEntry>, Task>? BeforeCommit { get; set; }

    /// <summary>Rows waiting for the writer (not yet taken into a group).</summary>
    internal int Queued => _queue.Reader.Count;

    /// <summary>
    /// Completes once <paramref name="entry"/> is committed; throws <see cref="InboxUnavailableException"/> when its
    /// group's commit failed or the host is stopping. Cancelling stops the wait, never the row: one already handed
    /// over may still be committed (the provider's retry is then de-duplicated), but it is never acknowledged.
    /// </summary>
    public async Task StoreAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        var pending = new Pending(entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken);
        try
        {
            await _queue.Writer.WriteAsync(pending, cancellationToken);
        }
        catch (ChannelClosedException e)
        {
            throw new InboxUnavailableException("The host is stopping.", e);
        }

        await pending.Committed.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Deliberately not bound to stoppingToken: after StopAsync closes the queue, what is in it is still committed.
        var group = new List<Pending>(options.MaxRows);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            group.Clear();
            var bytes = 0L;
            while (group.Count < options.MaxRows && bytes < options.MaxBytes && _queue.Reader.TryRead(out var next))
            {
                // Nobody waits for a request that gave up before its turn: skipping it costs nothing and acknowledges nothing.
                if (next.RequestAborted.IsCancellationRequested)
                {
                    next.Committed.TrySetCanceled(next.RequestAborted);
                    continue;
                }

                group.Add(next);
                bytes += next.Entry.Body.Length;
            }

            if (group.Count > 0)
            {
                await CommitAsync(group);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task CommitAsync(List<Pending> group)
    {
        var rows = group.Select(p => p.Entry).ToList();
        try
        {
            await using var scope = root.BeginLifetimeScope();
            var db = scope.Resolve<ContactCenterDbContext>();
            using var turn = await gate.EnterAsync(CancellationToken.None);
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            db.AddRange(rows);
            await db.SaveChangesAsync(CancellationToken.None);
            if (BeforeCommit is { } hook)
            {
                await hook(rows);
            }

            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Storing a group of {Count} webhooks failed; all of them are answered 503 and none is stored", group.Count);
            foreach (var pending in group)
            {
                pending.Committed.TrySetException(new InboxUnavailableException("The inbox could not store the webhook.", e));
            }

            return;
        }

        foreach (var pending in group)
        {
            pending.Committed.TrySetResult();
        }

        signal.Wake();
    }

    private sealed record Pending(InboxEntry Entry, TaskCompletionSource Committed, CancellationToken RequestAborted);
}

/// <summary>The webhook was not stored (its group's commit failed, or the host is stopping): answer 503, the provider retries.</summary>
internal sealed class InboxUnavailableException(string message, Exception? inner) : Exception(message, inner);
