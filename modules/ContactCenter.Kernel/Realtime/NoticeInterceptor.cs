using System.Data.Common;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactCenter.Kernel.Realtime;

/// <summary>
/// Lets a unit of work's notices go when, and only when, its data is committed: at the commit of its transaction
/// (explicit, like the inbox processor's, or the one SaveChanges opens), or after a SaveChanges that needed no
/// transaction. A rollback drops them. On PostgreSQL they go as <c>pg_notify</c> inside the transaction, so the
/// database itself delivers them to every node's listener exactly when the commit succeeds; elsewhere (SQLite, one
/// node) straight to this node's hub after the commit.
/// </summary>
internal sealed class NoticeInterceptor(NoticeHub hub) : IDbTransactionInterceptor, ISaveChangesInterceptor
{
    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (IsPostgres(eventData.Context) && PendingNotices.Find(eventData.Context) is { IsEmpty: false } pending)
        {
            foreach (var command in NotifyCommands(transaction, pending.Take()))
            {
                using (command)
                {
                    command.ExecuteNonQuery();
                }
            }
        }

        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (IsPostgres(eventData.Context) && PendingNotices.Find(eventData.Context) is { IsEmpty: false } pending)
        {
            foreach (var command in NotifyCommands(transaction, pending.Take()))
            {
                await using (command)
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
            }
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
            if (IsPostgres(db))
            {
                foreach (var notice in notices)
                {
                    db.Database.ExecuteSqlRaw(NotifySql, NoticeJson.Serialize(notice));
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
            if (IsPostgres(db))
            {
                foreach (var notice in notices)
                {
                    await db.Database.ExecuteSqlRawAsync(NotifySql, [NoticeJson.Serialize(notice)], cancellationToken);
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

    private const string NotifySql = "SELECT pg_notify('" + NoticeJson.Channel + "', {0})";

    private static bool IsPostgres(DbContext? db) => db?.IsPostgres() == true;

    private static void MarkSavepoint(DbContext? db)
    {
        if (db is not null)
        {
            PendingNotices.For(db).SavepointCreated();
        }
    }

    private void DeliverLocally(DbContext? db)
    {
        // On PostgreSQL the commit itself delivered them (TransactionCommitting took them); nothing is left here.
        if (!IsPostgres(db) && PendingNotices.Find(db) is { IsEmpty: false } pending)
        {
            hub.Deliver(pending.Take());
        }
    }

    private static IEnumerable<DbCommand> NotifyCommands(DbTransaction transaction, IReadOnlyList<Notice> notices)
    {
        foreach (var notice in notices)
        {
            var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT pg_notify('" + NoticeJson.Channel + "', @payload)";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "payload";
            parameter.Value = NoticeJson.Serialize(notice);
            command.Parameters.Add(parameter);
            yield return command;
        }
    }
}
