using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactCenter.RoutingBench.Database;

/// <summary>
/// Counts the SQL commands (round trips) and commits the host's DbContexts run, and the time the database took for them
/// (EF's own durations: until the first row for readers), so the report can say where a round's time goes; and, by
/// kind (verb and table of each statement a command carries: PostgreSQL batches a save's statements into one command,
/// SQLite does not), what those commands were.
/// </summary>
internal sealed partial class StatementCounter : IDbCommandInterceptor, IDbTransactionInterceptor
{
    private readonly ConcurrentDictionary<string, KindTally> _kinds = new(StringComparer.Ordinal);
    private long _statements, _statementTicks, _commits, _commitTicks;

    public (long Statements, TimeSpan StatementTime, long Commits, TimeSpan CommitTime) Read() =>
        (Interlocked.Read(ref _statements), TimeSpan.FromTicks(Interlocked.Read(ref _statementTicks)),
         Interlocked.Read(ref _commits), TimeSpan.FromTicks(Interlocked.Read(ref _commitTicks)));

    /// <summary>Commands by kind so far: kind → (commands, statements they carried, time).</summary>
    public IReadOnlyDictionary<string, (long Commands, long Statements, TimeSpan Time)> ReadKinds() =>
        _kinds.ToDictionary(k => k.Key, k => k.Value.Read(), StringComparer.Ordinal);

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Count(command, eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Count(command, eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Count(command, eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _commitTicks, eventData.Duration.Ticks);
        return Task.CompletedTask;
    }

    private void Count(DbCommand command, TimeSpan duration)
    {
        Interlocked.Increment(ref _statements);
        Interlocked.Add(ref _statementTicks, duration.Ticks);
        var (kind, statements) = KindOf(command.CommandText);
        _kinds.GetOrAdd(kind, _ => new KindTally()).Add(statements, duration);
    }

    /// <summary>"UPDATE Queues_WorkItems", "SELECT Leads_Contacts", "SELECT … FOR UPDATE"; a batch lists its kinds.</summary>
    internal static (string Kind, int Statements) KindOf(string sql)
    {
        var kinds = new SortedSet<string>(StringComparer.Ordinal);
        var statements = 0;
        foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var verb = Verb().Match(statement);
            if (!verb.Success)
            {
                continue;
            }

            statements++;
            var word = verb.Groups[1].Value.ToUpperInvariant();
            var table = word switch
            {
                "SELECT" or "WITH" => From().Match(statement) is { Success: true } from ? from.Groups[1].Value : "?",
                _ => verb.Groups[2].Value,
            };
            var locked = statement.Contains("FOR UPDATE", StringComparison.OrdinalIgnoreCase) ? " FOR UPDATE" : string.Empty;
            kinds.Add($"{(word == "WITH" ? "SELECT" : word)} {table}{locked}".TrimEnd());
        }

        return (kinds.Count switch
        {
            0 => "(other)",
            1 => kinds.Min!,
            _ => "batch: " + string.Join(" + ", kinds),
        }, Math.Max(1, statements));
    }

    [GeneratedRegex("""^\s*(SELECT|WITH|INSERT\s+INTO|UPDATE|DELETE\s+FROM|SAVEPOINT|RELEASE|ROLLBACK|BEGIN|COMMIT|PRAGMA|ANALYZE)\b\s*(?:"?([\w.]+)"?)?""", RegexOptions.IgnoreCase)]
    private static partial Regex Verb();

    [GeneratedRegex("""\bFROM\s+"?([\w.]+)"?""", RegexOptions.IgnoreCase)]
    private static partial Regex From();

    private sealed class KindTally
    {
        private long _commands, _statements, _ticks;

        public void Add(int statements, TimeSpan duration)
        {
            Interlocked.Increment(ref _commands);
            Interlocked.Add(ref _statements, statements);
            Interlocked.Add(ref _ticks, duration.Ticks);
        }

        public (long, long, TimeSpan) Read() => (Interlocked.Read(ref _commands), Interlocked.Read(ref _statements), TimeSpan.FromTicks(Interlocked.Read(ref _ticks)));
    }
}
