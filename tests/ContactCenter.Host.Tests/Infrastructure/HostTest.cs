namespace ContactCenter.Host.Tests.Infrastructure;

/// <summary>
/// Base of the integration tests: each test gets a fresh host and database of the given kind, so every
/// scenario runs on SQLite and on PostgreSQL from one body (a derived class per provider).
/// </summary>
public abstract class HostTest(DatabaseKind kind) : IAsyncLifetime
{
    private TestHost? _host;

    protected DatabaseKind Kind { get; } = kind;

    protected TestHost Host => _host ?? throw new InvalidOperationException("The host starts in InitializeAsync.");

    /// <summary>False when <see cref="InitializeAsync"/> never got to start the host (a skipped test, a failed start).</summary>
    protected bool HostStarted => _host is not null;

    protected virtual bool SeedDemoData => false;

    /// <summary>Configuration the scenario needs on top of the test defaults (e.g. a feature switched on).</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>Rewrites the host's connection string (a fault test's cuttable proxy); null keeps it.</summary>
    protected virtual Func<string?, string?>? ConnectThrough => null;

    public virtual async ValueTask InitializeAsync() => _host = await TestHost.StartAsync(Kind, SeedDemoData, Settings, ConnectThrough);

    /// <summary>Restarts the host on the same database (see <see cref="TestHost.RestartAsync"/>).</summary>
    protected async Task RestartHostAsync() => _host = await Host.RestartAsync();

    public virtual async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
