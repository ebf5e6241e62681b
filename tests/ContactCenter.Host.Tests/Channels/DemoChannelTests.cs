using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Channels;

public abstract class DemoChannelTests(DatabaseKind kind) : HostTest(kind)
{
    protected override bool SeedDemoData => true;

    [Fact]
    public async Task Demo_data_brings_one_sandbox_account_and_a_restart_adds_no_second()
    {
        await RestartHostAsync();

        var accounts = (await Host.CreateAdminClient().GetJsonAsync("/api/v1/channel-accounts")).AsArray();

        var sandbox = Assert.Single(accounts)!;
        Assert.Equal("Sandbox (demonstração)", (string?)sandbox["name"]);
        Assert.Equal("sandbox", (string?)sandbox["pluginId"]);
        Assert.True((bool?)sandbox["pluginLoaded"]);
    }
}

public sealed class DemoChannelTestsOnSqlite() : DemoChannelTests(DatabaseKind.Sqlite);

public sealed class DemoChannelTestsOnPostgres() : DemoChannelTests(DatabaseKind.Postgres);
