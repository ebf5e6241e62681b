using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactCenter.RoutingBench.Database;

/// <summary>
/// Counts the SQL statements and commits the host's DbContexts run, and the time the database took for them (EF's own
/// durations: until the first row for readers), so the report can say where a round's time goes.
/// </summary>
internal sealed class StatementCounter : IDbCommandInterceptor, IDbTransactionInterceptor
{
    private long _statements, _statementTicks, _commits, _commitTicks;

    public (long Statements, TimeSpan StatementTime, long Commits, TimeSpan CommitTime) Read() =>
        (Interlocked.Read(ref _statements), TimeSpan.FromTicks(Interlocked.Read(ref _statementTicks)),
         Interlocked.Read(ref _commits), TimeSpan.FromTicks(Interlocked.Read(ref _commitTicks)));

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Count(eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Count(eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Count(eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _commitTicks, eventData.Duration.Ticks);
        return Task.CompletedTask;
    }

    private void Count(TimeSpan duration)
    {
        Interlocked.Increment(ref _statements);
        Interlocked.Add(ref _statementTicks, duration.Ticks);
    }
}
