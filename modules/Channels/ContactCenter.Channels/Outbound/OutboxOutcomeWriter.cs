using Autofac;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Outbound;

/// <summary>
/// One sender pass's verdicts, written while the pass goes on sending: whatever came in while the previous write ran
/// is written next, in one unit of work (<see cref="OutboxOutcomes.WriteAsync"/>). A slow database thus batches
/// more per write instead of holding the sends up, and a quiet one writes each verdict soon after its send: the
/// window in which a crash leaves an accepted row 'sending' (to be sent again after its lease) is the send plus at
/// most two writes.
/// </summary>
internal sealed class OutboxOutcomeWriter(ILifetimeScope root, string owner, ILogger logger)
{
    private readonly Lock _lock = new();
    private List<OutboxVerdict> _waiting = [];
    private bool _writing;
    private Task _writes = Task.CompletedTask;

    public void Add(OutboxVerdict verdict)
    {
        lock (_lock)
        {
            _waiting.Add(verdict);
            if (_writing)
            {
                return;
            }

            _writing = true;
            _writes = Task.Run(WriteWaitingAsync);
        }
    }

    /// <summary>Returns once every verdict added so far is written (call it after the last <see cref="Add"/>).</summary>
    public Task FlushAsync()
    {
        lock (_lock)
        {
            return _writes;
        }
    }

    private async Task WriteWaitingAsync()
    {
        while (true)
        {
            List<OutboxVerdict> batch;
            lock (_lock)
            {
                if (_waiting.Count == 0)
                {
                    _writing = false;
                    return;
                }

                batch = _waiting;
                _waiting = [];
            }

            await WriteAsync(batch);
        }
    }

    /// <summary>
    /// Outcomes are written even while the host stops (no cancellation): an accepted row left 'sending' would go
    /// out again after its lease.
    /// </summary>
    private async Task WriteAsync(IReadOnlyList<OutboxVerdict> batch)
    {
        try
        {
            await WriteInScopeAsync(batch);
            return;
        }
        catch (Exception e) when (batch.Count > 1)
        {
            logger.LogWarning(e, "Writing {Count} outbox outcomes together failed; writing them one by one", batch.Count);
        }
        catch (Exception e)
        {
            // The row stays 'sending' and is retried when its lease ends.
            logger.LogError(e, "Could not record the outcome of outbox row {OutboxId}", batch[0].RowId);
            return;
        }

        foreach (var verdict in batch)
        {
            try
            {
                await WriteInScopeAsync([verdict]);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Could not record the outcome of outbox row {OutboxId}", verdict.RowId);
            }
        }
    }

    private async Task WriteInScopeAsync(IReadOnlyList<OutboxVerdict> batch)
    {
        await using var scope = root.BeginLifetimeScope();
        await scope.Resolve<OutboxOutcomes>().WriteAsync(batch, owner, CancellationToken.None);
    }
}
