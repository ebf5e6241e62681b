using Autofac;
using ContactCenter.Kernel.Data;

namespace ContactCenter.Queues.Routing;

/// <summary>
/// One backlog round or timeout sweep at a time: in this process (a semaphore, waited for) and across nodes
/// (<see cref="ISqlDialect.TryLockAcrossNodesAsync"/>: on PostgreSQL <c>pg_try_advisory_xact_lock</c> held by a
/// transaction of its own for the whole run; a node that cannot get it skips its run, the holder is doing the work).
/// The conditional updates keep the other paths (claims, arrivals) safe without it; the lock only spares nodes from
/// racing each other item by item.
/// </summary>
internal sealed class RoutingLock(ILifetimeScope root, ISqlDialect dialect)
{
    /// <summary>"CcRoute" in ASCII: the lock key of routing runs (PostgreSQL's advisory lock key).</summary>
    private const long Key = 0x4363526F757465;

    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>The held lock (dispose to release), or null when another node holds it.</summary>
    public async Task<IAsyncDisposable?> TryEnterAsync(CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        var scope = root.BeginLifetimeScope();
        IAsyncDisposable? acrossNodes = null;
        try
        {
            acrossNodes = await dialect.TryLockAcrossNodesAsync(scope.Resolve<ContactCenterDbContext>(), Key, cancellationToken);
            if (acrossNodes is null)
            {
                await Release(scope, null);
                return null;
            }

            return new Held(this, scope, acrossNodes);
        }
        catch
        {
            await Release(scope, acrossNodes);
            throw;
        }
    }

    private async Task Release(ILifetimeScope scope, IAsyncDisposable? acrossNodes)
    {
        try
        {
            if (acrossNodes is not null)
            {
                // Releases the lock across nodes (on PostgreSQL it also goes if this node dies).
                await acrossNodes.DisposeAsync();
            }

            await scope.DisposeAsync();
        }
        finally
        {
            _one.Release();
        }
    }

    private sealed class Held(RoutingLock owner, ILifetimeScope scope, IAsyncDisposable acrossNodes) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(owner.Release(scope, acrossNodes));
    }
}
