using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Plugins;

public abstract class PluginsApiTests(DatabaseKind kind) : HostTest(kind)
{
    [Fact]
    public async Task The_shipped_plugins_are_listed_as_loaded_with_the_hash_of_their_assembly()
    {
        var plugins = (await Host.CreateAdminClient().GetJsonAsync("/api/v1/plugins")).AsArray();

        var whatsApp = Find(plugins, "whatsapp-cloud");
        Assert.Equal("loaded", (string?)whatsApp["status"]);
        Assert.Equal(1, (int?)whatsApp["contractVersion"]);
        Assert.Equal(Sha256Of("whatsapp-cloud", "ContactCenter.Plugins.WhatsAppCloud.dll"), (string?)whatsApp["sha256"]);
        Assert.True((bool?)whatsApp["capabilities"]!["templates"]);
        var settings = whatsApp["settings"]!.AsArray();
        Assert.Equal(
            ["phoneNumberId", "displayPhoneNumber", "wabaId", "accessToken", "appSecret", "verifyToken", "apiBaseUrl"],
            settings.Select(s => (string?)s!["key"]));
        Assert.Equal("secret", (string?)settings.Single(s => (string?)s!["key"] == "appSecret")!["type"]);
        var sandbox = Find(plugins, "sandbox");
        Assert.Equal("loaded", (string?)sandbox["status"]);
        Assert.Equal(Sha256Of("sandbox", "ContactCenter.Plugins.Sandbox.dll"), (string?)sandbox["sha256"]);
    }

    [Fact]
    public async Task A_broken_plugin_folder_is_listed_as_failed_and_the_host_stays_ready()
    {
        using var folders = new PluginFolders().WithShipped().With("malformed-manifest").With("test-throws");
        await using var host = await TestHost.StartAsync(Kind, settings: new Dictionary<string, string?>
        {
            ["ContactCenter:PluginsDirectory"] = folders.Directory,
        });

        var plugins = (await host.CreateAdminClient().GetJsonAsync("/api/v1/plugins")).AsArray();

        Assert.Equal("loaded", (string?)Find(plugins, "whatsapp-cloud")["status"]);
        Assert.Equal("loaded", (string?)Find(plugins, "sandbox")["status"]);
        var malformed = Find(plugins, "malformed-manifest");
        Assert.Equal("failed", (string?)malformed["status"]);
        Assert.StartsWith("plugin.json is not valid", (string?)malformed["error"], StringComparison.Ordinal);
        Assert.Contains("The licence file is missing.", (string?)Find(plugins, "test-throws")["error"], StringComparison.Ordinal);
        var ready = await host.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var plugin = (await ready.ReadJsonAsync())["checks"]!["plugins"]!;
        Assert.Equal("Degraded", (string?)plugin["status"]);
        Assert.StartsWith("2 loaded, 2 failed, 0 rejected.", (string?)plugin["description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_every_plugin_loads_the_plugins_check_is_healthy()
    {
        var health = await (await Host.CreateClient().GetAsync("/health/ready")).ReadJsonAsync();

        Assert.Equal("Healthy", (string?)health["checks"]!["plugins"]!["status"]);
    }

    [Fact]
    public async Task Only_admins_see_the_plugins()
    {
        var (created, _) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/users", new
        {
            userName = "sofia", displayName = "Sofia", password = "password1", role = "supervisor",
        });
        created.EnsureSuccessStatusCode();
        var sofia = await Host.LoginAsync("sofia", "password1");

        var response = await sofia.GetAsync("/api/v1/plugins");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static JsonNode Find(JsonArray plugins, string id) => plugins.Single(p => (string?)p!["id"] == id)!;

    private static string Sha256Of(string folder, string file) =>
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(TestPaths.PluginsDirectory, folder, file))));
}

public sealed class PluginsApiTestsOnSqlite() : PluginsApiTests(DatabaseKind.Sqlite);

public sealed class PluginsApiTestsOnPostgres() : PluginsApiTests(DatabaseKind.Postgres);
