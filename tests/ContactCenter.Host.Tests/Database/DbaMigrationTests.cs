using System.Net;
using ContactCenter.Host.Setup;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Database;

/// <summary>A DBA turns automatic migrations off and applies the host's script by hand.</summary>
public abstract class DbaMigrationTests(DatabaseKind kind) : IAsyncLifetime
{
    private TestHost? _host;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync(
        kind,
        settings: new Dictionary<string, string?> { ["ContactCenter:ApplyMigrations"] = "false" });

    [Fact]
    public async Task Ready_stays_unhealthy_until_the_script_is_applied_and_the_script_can_run_twice()
    {
        var client = _host!.CreateClient();
        var before = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Contains("pending", (await before.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await ApplyScriptAsync();
        if (kind != DatabaseKind.Sqlite)
        {
            await ApplyScriptAsync(); // idempotent: a second run changes nothing and fails on nothing
        }

        var after = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    private async Task ApplyScriptAsync()
    {
        await using var scope = _host!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        var script = MigrationScript.Generate(db);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();

        // A T-SQL script is batches separated by GO lines, as sqlcmd and SSMS run them; the others are one batch.
        var batches = kind == DatabaseKind.SqlServer
            ? System.Text.RegularExpressions.Regex.Split(script, @"^\s*GO\s*$", System.Text.RegularExpressions.RegexOptions.Multiline)
            : [script];
        foreach (var batch in batches.Where(b => !string.IsNullOrWhiteSpace(b)))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = batch;
            await command.ExecuteNonQueryAsync();
        }

        await connection.CloseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class DbaMigrationTestsOnSqlite() : DbaMigrationTests(DatabaseKind.Sqlite);

public sealed class DbaMigrationTestsOnPostgres() : DbaMigrationTests(DatabaseKind.Postgres);
