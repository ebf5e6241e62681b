using Autofac;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ContactCenter.Queues.Routing;

/// <summary>
/// One backlog round or timeout sweep at a time: in this process (a semaphore, waited for) and, on PostgreSQL, across
/// nodes (<c>pg_try_advisory_xact_lock</c> held by a transaction of its own for the whole run; a node that cannot get
/// it skips its run, the holder is doing the work). The conditional updates keep the other paths (claims, arrivals)
/// safe without it; the lock only spares nodes from racing each other item by item.
/// </summary>
internal sealed class RoutingLock(ILifetimeScope root)
{
    /// <summary>"CcRoute" in ASCII: the advisory lock key of routing runs.</summary>
    private const long Key = 0x4363526F757465;

    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>The held lock (dispose to release), or null when another node holds it.</summary>
    public async Task<IAsyncDisposable?> TryEnterAsync(CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        var scope = root.BeginLifetimeScope();
        IDbContextTransaction? transaction = null;
        try
        {
            var db = scope.Resolve<ContactCenterDbContext>();
            if (db.IsPostgres())
            {
                transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var held = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({Key}) AS \"Value\"").ToListAsync(cancellationToken);
                if (!held[0])
                {
                    await Release(scope, transaction);
                    return null;
                }
            }

            return new Held(this, scope, transaction);
        }
        catch
        {
            await Release(scope, transaction);
            throw;
        }
    }

    private async Task Release(ILifetimeScope scope, IDbContextTransaction? transaction)
    {
        try
        {
            if (transaction is not null)
            {
                // Ending the transaction releases the advisory lock (it also goes if this node dies).
                await transaction.DisposeAsync();
            }

            await scope.DisposeAsync();
        }
        finally
        {
            _one.Release();
        }
    }

    private sealed class Held(RoutingLock owner, ILifetimeScope scope, IDbContextTransaction? transaction) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(owner.Release(scope, transaction));
    }
}
