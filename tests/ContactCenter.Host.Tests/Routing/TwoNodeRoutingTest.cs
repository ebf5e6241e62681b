using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Routing;

/// <summary>Routing tests with a second host node on the first one's PostgreSQL database.</summary>
public abstract class TwoNodeRoutingTest() : RoutingTest(DatabaseKind.Postgres)
{
    private TestHost? _second;

    protected TestHost Second => _second!;

    protected override IReadOnlyList<TestHost> Nodes => [Host, Second];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _second = await TestHost.StartAsync(DatabaseKind.Postgres, settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = Host.Database.ConnectionString,
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
