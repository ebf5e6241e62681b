using Autofac;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Outbound;

/// <summary>
/// Delivers the outbox: woken right after an enqueue is saved (<see cref="OutboxSignal"/>) and polling briefly
/// for rows other nodes enqueued or whose backoff ended. Each pass claims due rows (committed as
/// <c>sending</c> with a lease, see <see cref="OutboxClaims"/>), sends each through its plugin, and records
/// the outcome. Rows to the same recipient go one after the other; different recipients in parallel.
/// <para>
/// Exactly-once limits: an accepted row is never sent again. The one case where the provider may get the
/// same message twice is a crash (or lost database) between the provider accepting and the outcome being
/// saved: the row stays <c>sending</c> and is retried once its lease ends, and WhatsApp's API takes no
/// idempotency key. The window is one HTTP call plus one small UPDATE.
/// </para>
/// </summary>
internal sealed class OutboxSender(ILifetimeScope root, OutboxSignal signal, OutboxOptions options, ILogger<OutboxSender> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>This sender's lease owner name: unique per process start.</summary>
    public string NodeId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}" is var id && id.Length > 100
        ? id[^100..]
        : id;

    /// <summary>Runs passes until no row is due now; returns how many sends were made. Tests drive the sender with it.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        while (true)
        {
            var (claimed, sends) = await RunPassAsync(cancellationToken);
            sent += sends;
            if (claimed == 0)
            {
                return sent;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.BackgroundSending)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stoppingToken);
                await signal.WaitAsync(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The outbox sender's pass failed; trying again shortly");
                await Task.Delay(options.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task<(int Claimed, int Sent)> RunPassAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            IReadOnlyList<OutboxMessage> rows;
            await using (var scope = root.BeginLifetimeScope())
            {
                rows = await scope.Resolve<OutboxClaims>().ClaimDueAsync(NodeId, cancellationToken);
            }

            var sent = 0;
            var byRecipient = rows.GroupBy(r => (r.ChannelAccountId, OutboxDelivery.Recipient(r))).Select(g => g.ToList());
            await Parallel.ForEachAsync(
                byRecipient,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken },
                async (group, ct) =>
                {
                    foreach (var row in group)
                    {
                        if (await DeliverAsync(row.Id, ct))
                        {
                            Interlocked.Increment(ref sent);
                        }
                    }
                });
            return (rows.Count, sent);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> DeliverAsync(Guid rowId, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = root.BeginLifetimeScope();
            return await scope.Resolve<OutboxDelivery>().DeliverAsync(rowId, NodeId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The row stays 'sending' and is retried when its lease ends.
            logger.LogError(e, "Could not deliver outbox row {OutboxId}", rowId);
            return false;
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}
