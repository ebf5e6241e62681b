using Autofac;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Inbox;

/// <summary>
/// Turns stored webhooks into events, exactly once: a batch of pending rows is claimed (where the database has
/// concurrent writers, row locks with SKIP LOCKED, so nodes and workers never share a row; SQLite: one writer), every new event's key goes
/// into Channels_ProcessedEvents beside its effects, and the rows are marked in the same transaction. A crash
/// before the commit leaves the rows pending and nothing half-written.
/// </summary>
internal sealed class InboxProcessor(
    ILifetimeScope root, ISqlDialect dialect, InboxSignal signal, TimeProvider clock, ILogger<InboxProcessor> logger)
    : BackgroundService
{
    public const int BatchSize = 50;
    public const int MaxAttempts = 8;
    private const string Claimed = "claimed";
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _singleWriter = new(1, 1);
    private int _inFlight;

    /// <summary>Runs after a batch's effects are written and before its commit; tests make it throw to play a crash.</summary>
    internal Func<Task>? BeforeCommit { get; set; }

    /// <summary>Processes until no due row is left and no worker is busy (tests call this instead of waiting).</summary>
    public async Task DrainAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (await ProcessBatchAsync(null, cancellationToken) > 0)
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
        var workers = Enumerable.Range(0, dialect.ConcurrentWriters ? 3 : 1).Select(_ => WorkAsync(stoppingToken));
        await Task.WhenAll(workers);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await ProcessBatchAsync(null, stoppingToken) == 0)
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

    /// <summary>Claims and processes one batch (or only <paramref name="onlyId"/>); returns how many rows it handled.</summary>
    private async Task<int> ProcessBatchAsync(Guid? onlyId, CancellationToken cancellationToken)
    {
        var (handled, split) = await TryBatchAsync(onlyId, lastTry: false, cancellationToken);

        // One row spoiled the batch, or lost a race with another worker (a unique index): take the rows one
        // at a time, so a bad row fails alone and a race is simply run again.
        foreach (var id in split)
        {
            var (_, again) = await TryBatchAsync(id, lastTry: false, cancellationToken);
            foreach (var retry in again)
            {
                await TryBatchAsync(retry, lastTry: true, cancellationToken);
            }
        }

        return handled;
    }

    private async Task<(int Handled, IReadOnlyList<Guid> Split)> TryBatchAsync(Guid? onlyId, bool lastTry, CancellationToken cancellationToken)
    {
        await using var scope = root.BeginLifetimeScope();
        var db = scope.Resolve<ContactCenterDbContext>();
        var oneWriter = !dialect.ConcurrentWriters;
        if (oneWriter)
        {
            await _singleWriter.WaitAsync(cancellationToken);
        }

        Interlocked.Increment(ref _inFlight);
        try
        {
            // A plain read first: an idle poll opens no transaction (on SQLite that would take the write lock).
            if (!await InboxClaim.AnyDueAsync(db, onlyId, clock.GetUtcNow().UtcDateTime, cancellationToken))
            {
                return (0, []);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var rows = await InboxClaim.ClaimAsync(db, dialect, onlyId, clock.GetUtcNow().UtcDateTime, BatchSize, cancellationToken);
            if (rows.Count == 0)
            {
                return (0, []);
            }

            // Work rolled back to here keeps the claim: a failure is recorded before another worker can take the row.
            await transaction.CreateSavepointAsync(Claimed, cancellationToken);
            try
            {
                var rowProcessor = scope.Resolve<InboxRowProcessor>();
                foreach (var row in rows)
                {
                    await rowProcessor.ProcessAsync(row, cancellationToken);
                }

                if (BeforeCommit is { } hook)
                {
                    await hook();
                }

                await transaction.CommitAsync(cancellationToken);
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
            if (oneWriter)
            {
                _singleWriter.Release();
            }
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
