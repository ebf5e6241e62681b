using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace ContactCenter.Host.Tests.Infrastructure;

/// <summary>
/// The real host, in memory, on its own fresh database, with a hand-moved clock and a known admin API key.
/// </summary>
public sealed class TestHost : WebApplicationFactory<Program>
{
    public const string AdminApiKey = "cc_test_admin_key_0123456789abcdef";

    /// <summary>
    /// The in-memory server has no network peer: a request with this header comes "from" that address, so tests can be
    /// several browsers on several machines (login throttling) or a reverse proxy (forwarded headers).
    /// </summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private readonly Dictionary<string, string?> _settings;

    private TestHost(TestDatabase database, Dictionary<string, string?> settings)
    {
        Database = database;
        _settings = settings;
    }

    /// <summary>The product's clock in tests: it stands still until a test moves it (<c>Clock.Advance</c>).</summary>
    public FakeTimeProvider Clock { get; private init; } = new(new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero));

    /// <summary>False once a restarted host took the database over.</summary>
    private bool OwnsDatabase { get; set; } = true;

    public TestDatabase Database { get; }

    /// <param name="connectThrough">
    /// Rewrites the host's connection string (not the test's own admin connection), e.g. through a proxy a fault test cuts.
    /// </param>
    public static async Task<TestHost> StartAsync(
        DatabaseKind kind, bool seedDemoData = false, IDictionary<string, string?>? settings = null, Func<string?, string?>? connectThrough = null) =>
        await StartOnAsync(await TestDatabase.CreateAsync(kind), seedDemoData, settings, connectThrough);

    /// <summary>A host on a database the test prepared (an older schema, say); the host disposes of it.</summary>
    public static async Task<TestHost> StartOnAsync(
        TestDatabase database, bool seedDemoData = false, IDictionary<string, string?>? settings = null, Func<string?, string?>? connectThrough = null)
    {
        var kind = database.Kind;
        var all = new Dictionary<string, string?>
        {
            ["ContactCenter:DataDirectory"] = database.DataDirectory,
            ["ContactCenter:Bootstrap:AdminApiKey"] = AdminApiKey,
            ["ContactCenter:SeedDemoData"] = seedDemoData ? "true" : "false",
            // The demo's chatbot would greet every trial conversation; scenarios that want it switch it on.
            ["ContactCenter:DemoChatbot"] = "false",
            ["ContactCenter:PluginsDirectory"] = TestPaths.PluginsDirectory,
            ["Database:Provider"] = kind.ToString(),
            ["ConnectionStrings:Default"] = connectThrough is null ? database.ConnectionString : connectThrough(database.ConnectionString),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = new TestHost(database, all);
        _ = host.Server; // start now, so migrations and seeding failures surface in the test that asked
        await host.WaitForSchedulerAsync();
        return host;
    }

    /// <summary>Quartz starts in the background once the host is up; tests begin when it runs.</summary>
    private async Task WaitForSchedulerAsync()
    {
        var scheduler = await Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (scheduler.Status != SchedulerStatus.Running && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, ClientAddressFilter>();
        });
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

    /// <summary>Stops this host and starts another on the same database and data folder, like a service restart.</summary>
    public async Task<TestHost> RestartAsync()
    {
        OwnsDatabase = false;
        await base.DisposeAsync();
        var restarted = new TestHost(Database, _settings) { Clock = Clock };
        _ = restarted.Server;
        await restarted.WaitForSchedulerAsync();
        return restarted;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (OwnsDatabase)
        {
            OwnsDatabase = false;
            await Database.DisposeAsync();
        }
    }
}

/// <summary>Runs first in the pipeline: sets the connection's remote address from <see cref="TestHost.ClientAddressHeader"/>.</summary>
internal sealed class ClientAddressFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (System.Net.IPAddress.TryParse(context.Request.Headers[TestHost.ClientAddressHeader].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
