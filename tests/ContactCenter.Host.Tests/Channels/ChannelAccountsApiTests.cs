using System.Net;
using System.Security.Cryptography;
using ContactCenter.Channels.Contracts;
using ContactCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Channels;

public abstract class ChannelAccountsApiTests(DatabaseKind kind) : HostTest(kind)
{
    private const string AccessToken = "EAAG-access-token-0123456789";
    private const string AppSecret = "app-secret-abcdef";
    private const string VerifyToken = "verify-me-please";

    [Fact]
    public async Task An_admin_adds_a_whatsapp_account_and_its_secrets_are_never_returned()
    {
        var admin = Host.CreateAdminClient();

        var (created, account) = await admin.PostJsonAsync("/api/v1/channel-accounts", WhatsApp("Vendas"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("whatsapp-cloud", (string?)account["pluginId"]);
        Assert.Equal("WhatsApp Business (Cloud API)", (string?)account["pluginName"]);
        var settings = account["settings"]!;
        Assert.Equal("1234567890", (string?)settings["phoneNumberId"]);
        Assert.Equal("********", (string?)settings["accessToken"]);
        Assert.Equal("********", (string?)settings["appSecret"]);
        Assert.Null(settings["apiBaseUrl"]);
        var id = (string)account["id"]!;
        foreach (var url in new[] { "/api/v1/channel-accounts", $"/api/v1/channel-accounts/{id}" })
        {
            var text = await (await admin.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.Contains("Vendas", text, StringComparison.Ordinal);
            Assert.DoesNotContain(AccessToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain(AppSecret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Secrets_are_encrypted_at_rest_and_the_plugin_gets_them_decrypted_with_defaults()
    {
        var id = await CreateAsync(WhatsApp("Suporte"));

        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenter.Kernel.Data.ContactCenterDbContext>();
        var row = db.Set<ContactCenter.Channels.Domain.ChannelAccount>().Single(a => a.Id == id);
        Assert.DoesNotContain(AccessToken, row.ProtectedSecrets, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessToken, row.SettingsJson, StringComparison.Ordinal);
        var settings = (await scope.ServiceProvider.GetRequiredService<IChannelsApi>().GetSettingsAsync(id, default))!.Settings;
        Assert.Equal(AccessToken, settings["accessToken"]);
        Assert.Equal(VerifyToken, settings["verifyToken"]);
        Assert.Equal("https://graph.facebook.com/v24.0", settings["apiBaseUrl"]);
    }

    [Fact]
    public async Task Settings_are_checked_against_the_plugins_schema_and_every_problem_is_reported()
    {
        var (response, problem) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/channel-accounts", new
        {
            pluginId = "whatsapp-cloud",
            name = "",
            settings = new Dictionary<string, object?>
            {
                ["phoneNumberId"] = "   ",
                ["accessToken"] = AccessToken,
                ["appSecret"] = AppSecret,
                ["verifyToken"] = new { nested = true },
                ["apiBaseUrl"] = "graph.facebook.com",
                ["color"] = "blue",
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", (string?)problem["code"]);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(
            ["name", "settings.apiBaseUrl", "settings.color", "settings.phoneNumberId", "settings.verifyToken", "settings.wabaId"],
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Empty((await Host.CreateAdminClient().GetJsonAsync("/api/v1/channel-accounts")).AsArray());
    }

    [Fact]
    public async Task An_unknown_plugin_is_refused_with_its_own_code()
    {
        var (response, problem) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/channel-accounts", new
        {
            pluginId = "telegram",
            name = "Telegram",
            settings = new { },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unknown_plugin", (string?)problem["code"]);
    }

    [Fact]
    public async Task A_plugin_that_did_not_load_cannot_get_accounts()
    {
        await using var host = await TestHost.StartAsync(Kind, settings: new Dictionary<string, string?>
        {
            ["ContactCenter:Plugins:Allowed:0:id"] = "whatsapp-cloud",
            ["ContactCenter:Plugins:Allowed:0:sha256"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(
                Path.Combine(TestPaths.PluginsDirectory, "whatsapp-cloud", "ContactCenter.Plugins.WhatsAppCloud.dll")))),
        });

        var (response, problem) = await host.CreateAdminClient().PostJsonAsync("/api/v1/channel-accounts", new
        {
            pluginId = "sandbox",
            name = "Sandbox",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("plugin_not_loaded", (string?)problem["code"]);
        Assert.Contains("rejected", (string?)problem["detail"], StringComparison.Ordinal);
        var (allowed, _) = await host.CreateAdminClient().PostJsonAsync("/api/v1/channel-accounts", WhatsApp("Permitido"));
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
    }

    [Fact]
    public async Task On_update_a_secret_left_out_or_sent_masked_is_kept_and_a_new_one_replaces_it()
    {
        var id = await CreateAsync(WhatsApp("Locação"));
        var admin = Host.CreateAdminClient();

        var (leftOut, view) = await admin.PutJsonAsync($"/api/v1/channel-accounts/{id}", new
        {
            name = "Locação SP",
            settings = new Dictionary<string, object?> { ["phoneNumberId"] = "555", ["wabaId"] = "777", ["appSecret"] = "********" },
        });
        Assert.Equal(HttpStatusCode.OK, leftOut.StatusCode);
        Assert.Equal("Locação SP", (string?)view["name"]);
        Assert.Equal("555", (string?)view["settings"]!["phoneNumberId"]);
        Assert.Equal("********", (string?)view["settings"]!["accessToken"]);
        var settings = await SettingsAsync(id);
        Assert.Equal(AccessToken, settings["accessToken"]);
        Assert.Equal(AppSecret, settings["appSecret"]);

        var (replaced, _) = await admin.PutJsonAsync($"/api/v1/channel-accounts/{id}", new
        {
            name = "Locação SP",
            settings = new Dictionary<string, object?> { ["phoneNumberId"] = "555", ["wabaId"] = "777", ["accessToken"] = "new-token" },
        });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("new-token", (await SettingsAsync(id))["accessToken"]);
    }

    [Fact]
    public async Task A_required_secret_cannot_be_cleared()
    {
        var id = await CreateAsync(WhatsApp("Plantão"));

        var (response, problem) = await Host.CreateAdminClient().PutJsonAsync($"/api/v1/channel-accounts/{id}", new
        {
            name = "Plantão",
            settings = new Dictionary<string, object?> { ["phoneNumberId"] = "1", ["wabaId"] = "2", ["appSecret"] = "" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["settings.appSecret"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(AppSecret, (await SettingsAsync(id))["appSecret"]);
    }

    [Fact]
    public async Task Secrets_can_be_decrypted_after_a_restart_on_the_same_database()
    {
        var id = await CreateAsync(WhatsApp("Reinício"));

        await RestartHostAsync();

        Assert.Equal(AccessToken, (await SettingsAsync(id))["accessToken"]);
        var view = await Host.CreateAdminClient().GetJsonAsync($"/api/v1/channel-accounts/{id}");
        Assert.Equal("********", (string?)view["settings"]!["appSecret"]);
    }

    [Fact]
    public async Task Names_are_unique_and_a_deleted_account_is_gone()
    {
        var admin = Host.CreateAdminClient();
        var id = await CreateAsync(WhatsApp("Único"));

        var (conflict, problem) = await admin.PostJsonAsync("/api/v1/channel-accounts", WhatsApp("Único"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("channel_account_name_taken", (string?)problem["code"]);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/channel-accounts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/channel-accounts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/channel-accounts/{id}")).StatusCode);
    }

    [Fact]
    public async Task Accounts_are_admin_business_supervisors_and_agents_may_not_touch_them()
    {
        var id = await CreateAsync(WhatsApp("Equipe"));
        var supervisor = await UserAsync("sofia", "supervisor");
        var agent = await UserAsync("ana", "agent");

        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync("/api/v1/channel-accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostJsonAsync("/api/v1/channel-accounts", WhatsApp("X"))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/channel-accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/api/v1/channel-accounts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.DeleteAsync($"/api/v1/channel-accounts/{id}")).StatusCode);
    }

    private static object WhatsApp(string name) => new
    {
        pluginId = "whatsapp-cloud",
        name,
        settings = new Dictionary<string, object?>
        {
            ["phoneNumberId"] = "1234567890",
            ["wabaId"] = "9876543210",
            ["accessToken"] = AccessToken,
            ["appSecret"] = AppSecret,
            ["verifyToken"] = VerifyToken,
        },
    };

    private async Task<Guid> CreateAsync(object body)
    {
        var (response, account) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/channel-accounts", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((string)account["id"]!);
    }

    private async Task<IReadOnlyDictionary<string, string>> SettingsAsync(Guid id)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IChannelsApi>().GetSettingsAsync(id, default))!.Settings;
    }

    private async Task<HttpClient> UserAsync(string userName, string role)
    {
        var (response, _) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/users", new
        {
            userName, displayName = userName, password = "password1", role,
        });
        response.EnsureSuccessStatusCode();
        return await Host.LoginAsync(userName, "password1");
    }
}

public sealed class ChannelAccountsApiTestsOnSqlite() : ChannelAccountsApiTests(DatabaseKind.Sqlite);

public sealed class ChannelAccountsApiTestsOnPostgres() : ChannelAccountsApiTests(DatabaseKind.Postgres);
