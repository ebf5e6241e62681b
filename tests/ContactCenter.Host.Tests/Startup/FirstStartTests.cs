using System.Net;
using ContactCenter.Host.Setup;
using ContactCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Startup;

/// <summary>A newcomer's first start: demo organisation created, logins printed, and never twice.</summary>
public abstract class FirstStartTests(DatabaseKind kind) : HostTest(kind)
{
    protected override bool SeedDemoData => true;

    [Fact]
    public async Task The_demo_logins_are_printed_and_work()
    {
        var report = Host.Services.GetRequiredService<StartupReport>().Lines;

        Assert.Contains(report, l => l.Contains("admin", StringComparison.Ordinal) && l.Contains("admin", StringComparison.Ordinal));
        Assert.Contains(report, l => l.Contains("supervisor", StringComparison.Ordinal));
        Assert.Contains(report, l => l.Contains("demo1234", StringComparison.Ordinal));
        foreach (var login in new[] { "admin", "supervisor", "ana", "bruno", "carla" })
        {
            var client = await Host.LoginAsync(login, "demo1234");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
        }
    }

    [Fact]
    public async Task The_bootstrap_api_key_is_an_admin_key()
    {
        var me = await Host.CreateAdminClient().GetJsonAsync("/api/v1/auth/me");

        Assert.Equal("admin", (string?)me["role"]);
        Assert.True((bool?)me["isApiKey"]);
    }

    [Fact]
    public async Task A_restart_on_the_same_database_seeds_nothing_again()
    {
        var before = (await Host.CreateAdminClient().GetJsonAsync("/api/v1/users")).AsArray().Count;

        await using var restarted = await Host.RestartAsync();

        var after = (await restarted.CreateAdminClient().GetJsonAsync("/api/v1/users")).AsArray().Count;
        Assert.Equal(5, before);
        Assert.Equal(before, after);
        Assert.Empty(restarted.Services.GetRequiredService<StartupReport>().Lines);
    }
}

public sealed class FirstStartTestsOnSqlite() : FirstStartTests(DatabaseKind.Sqlite);

public sealed class FirstStartTestsOnPostgres() : FirstStartTests(DatabaseKind.Postgres);
