using Autofac;
using ContactCenter.Channels.Contracts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Outbound;

/// <summary>
/// Delivers the outbox: woken right after an enqueue is saved (<see cref="OutboxSignal"/>) and polling briefly
/// for rows other nodes enqueued or whose backoff ended. Each pass claims due rows (committed as
/// <c>sending</c> with a lease, see <see cref="OutboxClaims"/>), looks up their accounts' adapters once, sends each
/// through its plugin and hands the verdict to an <see cref="OutboxOutcomeWriter"/>, which writes the verdicts that
/// came in meanwhile together while the sends go on. Rows to the same recipient go one after the other, in the order
/// they were queued (a row that is not out yet holds back the later ones, see <see cref="OutboxClaims"/>); different
/// recipients in parallel, each account within its rate (<see cref="OutboundRateLimiter"/>): while an account is at
/// its limit the loop waits until its next slot instead of its poll interval.
/// <para>
/// Exactly-once limits: an accepted row is never sent again. The one case where the provider may get the
/// same message twice is a crash (or lost database) between the provider accepting and the outcome being
/// saved: the row stays <c>sending</c> and is retried once its lease ends, and WhatsApp's API takes no
/// idempotency key. The window is one HTTP call plus the write in progress and the next one (the writer's
/// batch); a pass writes all its verdicts before it ends.
/// </para>
/// </summary>
internal sealed class OutboxSender(
    ILifetimeScope root, OutboxSignal signal, OutboundRateLimiter limiter, OutboxOptions options, TimeProvider clock, ILogger<OutboxSender> logger)
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
                await signal.WaitAsync(NextLook(), stoppingToken);
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

            if (rows.Count == 0)
            {
                return (0, 0);
            }

            var adapters = await BindAsync(rows, cancellationToken);
            var writer = new OutboxOutcomeWriter(root, NodeId, logger);
            var sent = 0;
            var byRecipient = rows.GroupBy(r => (r.ChannelAccountId, OutboxDelivery.Recipient(r)))
                .Select(g => g.OrderBy(r => r.Priority).ThenBy(r => r.CreatedAt).ToList());
            try
            {
                await Parallel.ForEachAsync(
                    byRecipient,
                    new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken },
                    async (group, ct) =>
                    {
                        for (var i = 0; i < group.Count; i++)
                        {
                            var verdict = await SendAsync(group[i], adapters.GetValueOrDefault(group[i].ChannelAccountId), ct);
                            if (verdict is not null)
                            {
                                writer.Add(verdict);
                            }

                            if (verdict is { Called: true })
                            {
                                Interlocked.Increment(ref sent);
                            }

                            if (verdict is not { Settled: true } && i + 1 < group.Count)
                            {
                                // Not out yet (a retry, a rate limit): the recipient's later messages must not overtake it.
                                foreach (var later in group.Skip(i + 1))
                                {
                                    writer.Add(new OutboxReleased(later.Id));
                                }

                                break;
                            }
                        }
                    });
            }
            finally
            {
                await writer.FlushAsync();
            }

            return (rows.Count, sent);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The adapters of the claimed rows' accounts, looked up once per pass (null: the account is gone).</summary>
    private async Task<Dictionary<Guid, BoundAdapter?>> BindAsync(IReadOnlyList<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        await using var scope = root.BeginLifetimeScope();
        var channels = scope.Resolve<IChannelsApi>();
        var adapters = scope.Resolve<SendingAdapters>();
        var bound = new Dictionary<Guid, BoundAdapter?>();
        foreach (var account in rows.Select(r => r.ChannelAccountId).Distinct())
        {
            bound[account] = await adapters.GetAsync(channels, account, cancellationToken);
        }

        return bound;
    }

    /// <summary>Until the poll interval, or sooner when an account at its rate limit gets a slot.</summary>
    private TimeSpan NextLook()
    {
        if (limiter.Saturated().FreeAt is not { } freeAt)
        {
            return options.PollInterval;
        }

        var wait = freeAt - clock.GetUtcNow().UtcDateTime;
        return wait < MinimumWait ? MinimumWait : wait > options.PollInterval ? options.PollInterval : wait;
    }

    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(5);

    /// <summary>The row's verdict; null when the send broke off unexpectedly (the row stays 'sending' until its lease ends).</summary>
    private async Task<OutboxVerdict?> SendAsync(OutboxMessage row, BoundAdapter? adapter, CancellationToken cancellationToken)
    {
        try
        {
            // A scope per send: a stored file is read through the database while other sends run.
            await using var scope = root.BeginLifetimeScope();
            return await scope.Resolve<OutboxDelivery>().SendAsync(row, adapter, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not deliver outbox row {OutboxId}", row.Id);
            return null;
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}
