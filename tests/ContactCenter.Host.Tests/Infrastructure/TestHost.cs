using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Infrastructure;

/// <summary>
/// The real host, in memory, on its own fresh database, with a hand-moved clock and a known admin API key.
/// </summary>
public sealed class TestHost : WebApplicationFactory<Program>
{
    public const string AdminApiKey = "cc_test_admin_key_0123456789abcdef";

    private readonly Dictionary<string, string?> _settings;

    private bool _keepDatabase;

    private TestHost(TestDatabase database, Dictionary<string, string?> settings)
    {
        Database = database;
        _settings = settings;
    }

    public ManualClock Clock { get; } = new();

    public TestDatabase Database { get; }

    public static async Task<TestHost> StartAsync(
        DatabaseKind kind, bool seedDemoData = false, IDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(kind);
        var all = new Dictionary<string, string?>
        {
            ["ContactCenter:DataDirectory"] = database.DataDirectory,
            ["ContactCenter:Bootstrap:AdminApiKey"] = AdminApiKey,
            ["ContactCenter:SeedDemoData"] = seedDemoData ? "true" : "false",
            ["ContactCenter:PluginsDirectory"] = TestPaths.PluginsDirectory,
            ["Database:Provider"] = kind.ToString(),
            ["ConnectionStrings:Default"] = database.ConnectionString,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = new TestHost(database, all);
        _ = host.Server; // start now, so migrations and seeding failures surface in the test that asked
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>
    /// Stops this host and starts another on the same database and data folder, with the same settings:
    /// what survives a restart (encrypted secrets, Data Protection keys) can be asserted.
    /// </summary>
    public async Task<TestHost> RestartAsync()
    {
        _keepDatabase = true;
        await DisposeAsync();
        var host = new TestHost(Database, _settings);
        _ = host.Server;
        return host;
    }

    /// <summary>A client authenticated with the bootstrap admin API key.</summary>
    public HttpClient CreateAdminClient() => CreateApiKeyClient(AdminApiKey);

    public HttpClient CreateApiKeyClient(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A client that logged in with the JSON login endpoint and carries its cookie.</summary>
    public async Task<HttpClient> LoginAsync(string userName, string password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password });
        response.EnsureSuccessStatusCode();
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_keepDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}
