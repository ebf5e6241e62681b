namespace ContactCenter.Kernel.Data;

/// <summary>
/// The process-wide turn to write, for the host's background writers that would otherwise race for the same lock:
/// the webhook group commit, the inbox processor and routing rounds. Where the database has one writer at a time
/// (<see cref="ISqlDialect.ConcurrentWriters"/> false: SQLite) they take turns here, first come first served, instead
/// of polling for SQLite's write lock in its busy handler (where one can lose to another many times in a row). Where
/// several transactions write at once (PostgreSQL) entering is free and nothing waits. Not reentrant: a holder must
/// not enter again (an event handler runs inside its caller's turn and never enters).
/// </summary>
public interface IWriteGate
{
    /// <summary>Waits for the turn to write; dispose the result to hand it on.</summary>
    ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken);
}
