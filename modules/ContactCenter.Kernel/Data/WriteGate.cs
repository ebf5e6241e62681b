namespace ContactCenter.Kernel.Data;

/// <summary>
/// <see cref="IWriteGate"/>: one asynchronous semaphore on a single-writer database (its waiters are released in the
/// order they came), nothing on the others.
/// </summary>
internal sealed class WriteGate(ISqlDialect dialect) : IWriteGate
{
    private readonly SemaphoreSlim? _turn = dialect.ConcurrentWriters ? null : new SemaphoreSlim(1, 1);

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (_turn is null)
        {
            return Free.Instance;
        }

        await _turn.WaitAsync(cancellationToken);
        return new Turn(_turn);
    }

    private sealed class Free : IDisposable
    {
        public static readonly Free Instance = new();

        public void Dispose()
        {
        }
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
