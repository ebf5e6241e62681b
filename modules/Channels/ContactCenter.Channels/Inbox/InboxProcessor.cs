using Autofac;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Inbox;

/// <summary>
/// Turns stored webhooks into events, exactly once, a batch at a time: up to N pending rows are claimed in one
/// transaction (where the database has concurrent writers, row locks with SKIP LOCKED, so nodes and workers take
/// disjoint batches; SQLite: one writer, taking its turn at the shared <see cref="IWriteGate"/> with the webhook group
/// commit and routing rounds), processed as one step (<see cref="InboxBatchProcessor"/>: every new event's key goes
/// into Channels_ProcessedEvents beside its effects) and marked in the same transaction. A crash before the commit
/// leaves the rows pending and nothing half-written. N adapts between <see cref="InboxProcessorOptions.MinBatchSize"/>
/// and <see cref="InboxProcessorOptions.MaxBatchSize"/> to keep a batch near <see cref="InboxProcessorOptions.TargetBatchTime"/>.
/// A batch that fails as a whole (a handler threw, a race with another worker on a unique index) is rolled back and
/// its rows are taken one at a time, so a bad row fails alone and a race is simply run again.
/// </summary>
internal sealed class InboxProcessor(
    ILifetimeScope root, ISqlDialect dialect, IWriteGate gate, InboxSignal signal, InboxProcessorOptions options, TimeProvider clock, ILogger<InboxProcessor> logger)
    : BackgroundService
{
    public const int MaxAttempts = 8;
    private const string Claimed = "claimed";
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private int _inFlight;
    private int _batchSize = Math.Min(50, options.MaxBatchSize);

    /// <summary>Runs after a batch's effects are written and before its commit; tests make it throw to play a crash.</summary>
    internal Func<Task>? BeforeCommit { get; set; }

    /// <summary>Runs after a batch committed, with its rows' ids; tests see which rows went together.</summary>
    internal Action<IReadOnlyList<Guid>>? Committed { get; set; }

    /// <summary>How many rows the next batch claims (adapted after each batch).</summary>
    internal int BatchSize => Volatile.Read(ref _batchSize);

    /// <summary>Processes until no due row is left and no worker is busy (tests call this instead of waiting).</summary>
    public async Task DrainAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (await ProcessBatchAsync(cancellationToken) > 0)
            {
                continue;
            }

            if (Volatile.Read(ref _inFlight) == 0)
            {
                return;
            }

            await Task.Delay(5, cancellationToken); // another worker holds rows; its commit is near
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Enumerable.Range(0, dialect.ConcurrentWriters ? options.Workers : 1).Select(_ => WorkAsync(stoppingToken));
        await Task.WhenAll(workers);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await ProcessBatchAsync(stoppingToken) == 0)
                {
                    await signal.WaitAsync(PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The inbox processor failed; retrying shortly");
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Claims and processes one batch; returns how many rows it handled.</summary>
    private async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        var size = BatchSize;
        var started = clock.GetTimestamp();
        var (handled, split) = await TryBatchAsync(null, size, lastTry: false, cancellationToken);
        if (split.Count > 0)
        {
            // The batch failed as a whole: its rows one at a time, so a bad row fails alone and a race runs again.
            Adapt(shrink: true);
            foreach (var id in split)
            {
                var (_, again) = await TryBatchAsync(id, 1, lastTry: false, cancellationToken);
                foreach (var retry in again)
                {
                    await TryBatchAsync(retry, 1, lastTry: true, cancellationToken);
                }
            }
        }
        else if (handled > 0)
        {
            var took = clock.GetElapsedTime(started);
            Adapt(shrink: took > options.TargetBatchTime, grow: handled >= size && took < options.TargetBatchTime / 2);
        }

        return handled;
    }

    private void Adapt(bool shrink, bool grow = false)
    {
        var size = BatchSize;
        var next = shrink ? Math.Max(options.MinBatchSize, size / 2) : grow ? Math.Min(options.MaxBatchSize, size * 2) : size;
        Interlocked.CompareExchange(ref _batchSize, next, size);
    }

    private async Task<(int Handled, IReadOnlyList<Guid> Split)> TryBatchAsync(Guid? onlyId, int size, bool lastTry, CancellationToken cancellationToken)
    {
        await using var scope = root.BeginLifetimeScope();
        var db = scope.Resolve<ContactCenterDbContext>();

        Interlocked.Increment(ref _inFlight);
        try
        {
            // A plain read first, outside the gate: an idle poll neither opens a transaction nor makes an acknowledgement wait.
            if (!await InboxClaim.AnyDueAsync(db, onlyId, clock.GetUtcNow().UtcDateTime, cancellationToken))
            {
                return (0, []);
            }

            using var turn = await gate.EnterAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var rows = await InboxClaim.ClaimAsync(db, dialect, onlyId, clock.GetUtcNow().UtcDateTime, size, cancellationToken);
            if (rows.Count == 0)
            {
                return (0, []);
            }

            // Work rolled back to here keeps the claim: a failure is recorded before another worker can take the row.
            await transaction.CreateSavepointAsync(Claimed, cancellationToken);
            try
            {
                await scope.Resolve<InboxBatchProcessor>().ProcessAsync(rows, cancellationToken);
                if (BeforeCommit is { } hook)
                {
                    await hook();
                }

                await transaction.CommitAsync(cancellationToken);
                Committed?.Invoke([.. rows.Select(r => r.Id)]);
                return (rows.Count, []);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                if (rows.Count > 1 || (e is DbUpdateException && !lastTry))
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                    return (rows.Count, [.. rows.Select(r => r.Id)]);
                }

                await transaction.RollbackToSavepointAsync(Claimed, CancellationToken.None);
                db.ChangeTracker.Clear();
                await RecordFailureAsync(db, rows[0].Id, e);
                await transaction.CommitAsync(CancellationToken.None);
                return (1, []);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>A passing failure (database, a module's handler): retried later with backoff, failed for good after a few tries.</summary>
    private async Task RecordFailureAsync(ContactCenterDbContext db, Guid id, Exception error)
    {
        logger.LogError(error, "Processing inbox row {InboxId} failed", id);
        var row = await db.Set<InboxEntry>().FirstAsync(e => e.Id == id);
        row.Attempts++;
        row.Error = Truncate(error.Message);
        if (row.Attempts >= MaxAttempts)
        {
            row.Status = InboxStatus.Failed;
        }
        else
        {
            row.NextAttemptAt = clock.GetUtcNow().UtcDateTime.AddSeconds(5 * Math.Pow(2, row.Attempts));
        }

        await db.SaveChangesAsync();
    }

    internal static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];
}
