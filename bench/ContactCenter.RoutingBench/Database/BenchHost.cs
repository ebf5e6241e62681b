using System.Net;
using ContactCenter.Kernel.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace ContactCenter.RoutingBench.Database;

/// <summary>
/// The real ContactCenter host, in this process (as the host tests run it), on a fresh database of its own: a SQLite
/// file in a temporary folder, or a new PostgreSQL database <c>cc_bench_&lt;id&gt;</c> on the given (loopback) server,
/// dropped when disposed. Starting it applies the migrations; demo data stays off. Its scheduler is put on standby
/// once running, so no timed round or sweep runs beside the one being measured.
/// </summary>
internal sealed class BenchHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string? _maintenanceConnectionString;
    private readonly bool _keep;

    private BenchHost(string provider, string databaseName, string connectionString, string dataDirectory, string? maintenance, bool keep)
    {
        Provider = provider;
        DatabaseName = databaseName;
        DataDirectory = dataDirectory;
        _maintenanceConnectionString = maintenance;
        _keep = keep;
        _settings = new Dictionary<string, string?>
        {
            ["ContactCenter:DataDirectory"] = dataDirectory,
            ["ContactCenter:PluginsDirectory"] = Directory.CreateDirectory(Path.Combine(dataDirectory, "plugins")).FullName,
            ["ContactCenter:SeedDemoData"] = "false",
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Default"] = connectionString,
            // Quiet: the bench prints what the round did.
            ["Serilog:MinimumLevel"] = "Warning",
        };
    }

    /// <summary>Sqlite or Postgres, as the host's <c>Database:Provider</c> spells it.</summary>
    public string Provider { get; }

    public string DatabaseName { get; }

    public string DataDirectory { get; }

    /// <summary>Every statement and commit of the host's DbContexts.</summary>
    public StatementCounter Statements { get; } = new();

    public static async Task<BenchHost> StartAsync(string? postgresServer, bool keep)
    {
        var runId = $"{DateTime.UtcNow:yyyyMMddHHmmss}_{Environment.ProcessId}";
        var dataDirectory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"cc-routing-bench-{runId}")).FullName;
        BenchHost host;
        if (postgresServer is null)
        {
            var file = Path.Combine(dataDirectory, "contactcenter.db");
            host = new BenchHost("Sqlite", file, $"Data Source={file};Foreign Keys=True", dataDirectory, null, keep);
        }
        else
        {
            var server = new NpgsqlConnectionStringBuilder(postgresServer);
            RequireLoopback(server.Host);
            var name = $"cc_bench_{runId}";
            await using (var connection = new NpgsqlConnection(server.ConnectionString))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }

            var target = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name };
            host = new BenchHost("Postgres", name, target.ConnectionString, dataDirectory, server.ConnectionString, keep);
        }

        try
        {
            _ = host.Server; // starts the host: migrations, seeders, hosted services
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (scheduler.Status != SchedulerStatus.Running && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            await scheduler.Standby();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // The host reads no files from its project folder; its output beside this tool's will do.
        builder.UseContentRoot(AppContext.BaseDirectory);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.ConfigureDbContext<ContactCenterDbContext>(o => o.AddInterceptors(Statements)));
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            await DropAsync();
        }
    }

    private async Task DropAsync()
    {
        if (_keep)
        {
            await Console.Error.WriteLineAsync($"Kept (--keep): {DatabaseName} and {DataDirectory}");
            return;
        }

        if (_maintenanceConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                await using var connection = new NpgsqlConnection(_maintenanceConnectionString);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException e)
            {
                await Console.Error.WriteLineAsync($"Could not drop database {DatabaseName}: {e.Message}. Drop it by hand.");
            }
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"Could not remove {DataDirectory}: {e.Message}");
        }
    }

    /// <summary>The bench creates and drops databases: only ever on this machine.</summary>
    private static void RequireLoopback(string? host)
    {
        if (host is "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address)))
        {
            return;
        }

        throw new ArgumentException($"--postgres must name a server on this machine (127.0.0.1, ::1 or localhost), not '{host}'.");
    }
}
