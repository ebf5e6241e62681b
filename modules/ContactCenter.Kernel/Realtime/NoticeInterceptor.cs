using System.Data.Common;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactCenter.Kernel.Realtime;

/// <summary>
/// Lets a unit of work's notices go when, and only when, its data is committed: at the commit of its transaction
/// (explicit, like the inbox processor's, or the one SaveChanges opens), or after a SaveChanges that needed no
/// transaction. A rollback drops them. Where the database broadcasts (<see cref="ISqlDialect.NoticeBroadcast"/>,
/// PostgreSQL) they are sent inside the transaction, so the database itself delivers them to every node's listener
/// exactly when the commit succeeds; elsewhere (SQLite, one node) straight to this node's hub after the commit.
/// </summary>
internal sealed class NoticeInterceptor(NoticeHub hub, ISqlDialect dialect) : IDbTransactionInterceptor, ISaveChangesInterceptor
{
    private INoticeBroadcast? Broadcast => dialect.NoticeBroadcast;

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (Broadcast is { } broadcast && PendingNotices.Find(eventData.Context) is { IsEmpty: false } pending)
        {
            broadcast.Send(transaction.Connection!, transaction, Payloads(pending.Take()));
        }

        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Broadcast is { } broadcast && PendingNotices.Find(eventData.Context) is { IsEmpty: false } pending)
        {
            await broadcast.SendAsync(transaction.Connection!, transaction, Payloads(pending.Take()), cancellationToken);
        }

        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => DeliverLocally(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        DeliverLocally(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => PendingNotices.Find(eventData.Context)?.Discard();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        PendingNotices.Find(eventData.Context)?.Discard();
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => PendingNotices.Find(eventData.Context)?.Discard();

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        PendingNotices.Find(eventData.Context)?.Discard();
        return Task.CompletedTask;
    }

    // Marked even before the first notice: what comes after the savepoint must be forgettable on its own.
    public void CreatedSavepoint(DbTransaction transaction, TransactionEventData eventData) => MarkSavepoint(eventData.Context);

    public Task CreatedSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken cancellationToken = default)
    {
        MarkSavepoint(eventData.Context);
        return Task.CompletedTask;
    }

    public void RolledBackToSavepoint(DbTransaction transaction, TransactionEventData eventData) =>
        PendingNotices.Find(eventData.Context)?.RolledBackToSavepoint();

    public Task RolledBackToSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken cancellationToken = default)
    {
        PendingNotices.Find(eventData.Context)?.RolledBackToSavepoint();
        return Task.CompletedTask;
    }

    public void ReleasedSavepoint(DbTransaction transaction, TransactionEventData eventData) => PendingNotices.Find(eventData.Context)?.SavepointReleased();

    public Task ReleasedSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken cancellationToken = default)
    {
        PendingNotices.Find(eventData.Context)?.SavepointReleased();
        return Task.CompletedTask;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db && db.Database.CurrentTransaction is null && PendingNotices.Find(db) is { IsEmpty: false } pending)
        {
            var notices = pending.Take();
            if (Broadcast is { } broadcast)
            {
                // EF closed the connection it opened for SaveChanges; opening through EF keeps its count right.
                db.Database.OpenConnection();
                try
                {
                    broadcast.Send(db.Database.GetDbConnection(), null, Payloads(notices));
                }
                finally
                {
                    db.Database.CloseConnection();
                }
            }
            else
            {
                hub.Deliver(notices);
            }
        }

        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // No transaction: the changes are already committed (one statement runs without one), so the notices go now.
        if (eventData.Context is { } db && db.Database.CurrentTransaction is null && PendingNotices.Find(db) is { IsEmpty: false } pending)
        {
            var notices = pending.Take();
            if (Broadcast is { } broadcast)
            {
                await db.Database.OpenConnectionAsync(cancellationToken);
                try
                {
                    await broadcast.SendAsync(db.Database.GetDbConnection(), null, Payloads(notices), cancellationToken);
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            }
            else
            {
                hub.Deliver(notices);
            }
        }

        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } db && db.Database.CurrentTransaction is null)
        {
            PendingNotices.Find(db)?.Discard();
        }
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    // Packed: a commit's notices cost the broadcast one or a few payloads, not one each (a backlog chunk has hundreds).
    private static IReadOnlyList<string> Payloads(IReadOnlyList<Notice> notices) => NoticeJson.Pack(notices);

    private static void MarkSavepoint(DbContext? db)
    {
        if (db is not null)
        {
            PendingNotices.For(db).SavepointCreated();
        }
    }

    private void DeliverLocally(DbContext? db)
    {
        // Where the database broadcasts, the commit itself delivered them (TransactionCommitting took them).
        if (Broadcast is null && PendingNotices.Find(db) is { IsEmpty: false } pending)
        {
            hub.Deliver(pending.Take());
        }
    }
}
