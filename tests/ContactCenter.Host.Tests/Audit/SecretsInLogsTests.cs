using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContactCenter.Host.Tests.Audit;

/// <summary>
/// Issue 13, finding 8: secrets never reach the logs. A host logging at Debug goes through everything that handles
/// one — a WhatsApp account's app secret, access token and verify token, an API key made and used, passwords typed
/// right and wrong, set and reset — then its whole log file and its audit log are searched for each value.
/// </summary>
public abstract class SecretsInLogsTests(DatabaseKind kind) : HostTest(kind)
{
    private const string AppSecret = "app-secret-7f3a9c1e";
    private const string AccessToken = "EAAGaccess-token-5b2d8e41";
    private const string NewAccessToken = "EAAGrotated-token-91c0ffee";
    private const string VerifyToken = "verify-token-3e6a0b77";
    private const string Password = "Senha-Do-Admin-4821";
    private const string WrongPassword = "Senha-Errada-7730";
    private const string ResetPassword = "Senha-Redefinida-5519";
    private const string WrongApiKey = "cc_not_a_real_key_0f1e2d3c4b5a69788796a5b4";

    /// <summary>
    /// The product's own lines down to Debug; the framework's at the levels the product sets (ASP.NET Core's own request
    /// lines, at Information, would carry the handshake's query string: docs/security.md says so).
    /// </summary>
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Serilog:MinimumLevel:Default"] = "Debug",
    };

    [Fact]
    public async Task No_secret_handled_in_a_run_appears_in_its_log_or_its_audit_log()
    {
        var admin = Host.CreateAdminClient();
        (await admin.PostJsonAsync("/api/v1/users", new { userName = "rita", displayName = "Rita", password = Password, role = "admin" })).Response.EnsureSuccessStatusCode();
        var browser = Host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostAsJsonAsync("/api/v1/auth/login", new { userName = "rita", password = WrongPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsJsonAsync("/api/v1/auth/login", new { userName = "rita", password = Password })).StatusCode);

        var (created, account) = await browser.PostJsonAsync("/api/v1/channel-accounts", new
        {
            pluginId = "whatsapp-cloud",
            name = "Loja",
            settings = new Dictionary<string, object?>
            {
                ["phoneNumberId"] = "5511", ["wabaId"] = "777", ["accessToken"] = AccessToken, ["appSecret"] = AppSecret, ["verifyToken"] = VerifyToken,
            },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        (await browser.PutJsonAsync($"/api/v1/channel-accounts/{account["id"]}", new
        {
            name = "Loja",
            settings = new Dictionary<string, object?> { ["phoneNumberId"] = "5511", ["wabaId"] = "777", ["accessToken"] = NewAccessToken },
        })).Response.EnsureSuccessStatusCode();
        // The provider's subscription handshake echoes the challenge only for the right verify token.
        await Host.CreateClient().GetAsync($"/webhooks/{account["id"]}?hub.mode=subscribe&hub.verify_token={VerifyToken}&hub.challenge=42");

        var (keyCreated, key) = await browser.PostJsonAsync("/api/v1/api-keys", new { name = "CRM", role = "agent" });
        Assert.Equal(HttpStatusCode.Created, keyCreated.StatusCode);
        var apiKey = (string)key["key"]!;
        Assert.Equal(HttpStatusCode.OK, (await Host.CreateApiKeyClient(apiKey).GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.CreateApiKeyClient(WrongApiKey).GetAsync("/api/v1/auth/me")).StatusCode);

        var joao = await Host.CreateUserAsync("joao", "agent");
        (await browser.PutJsonAsync($"/api/v1/users/{joao}", new { password = ResetPassword })).Response.EnsureSuccessStatusCode();
        var joaos = await Host.LoginAsync("joao", ResetPassword);
        Assert.Equal(HttpStatusCode.OK, (await joaos.GetAsync("/api/v1/auth/me")).StatusCode);

        var audit = await (await admin.GetAsync("/api/v1/audit?limit=200")).Content.ReadAsStringAsync();
        var log = await ReadLogAsync();
        // The scrub reads the real thing: the run's requests and its changes are there.
        Assert.Contains("/api/v1/channel-accounts", log);
        Assert.Contains("channelAccount.updated", audit);

        string[] secrets = [AppSecret, AccessToken, NewAccessToken, VerifyToken, Password, WrongPassword, ResetPassword, apiKey, WrongApiKey, Arrange.Password];
        var found = secrets.Where(s => log.Contains(s, StringComparison.Ordinal)).Select(s => $"log: {s}")
            .Concat(secrets.Where(s => audit.Contains(s, StringComparison.Ordinal)).Select(s => $"audit: {s}"))
            .ToList();
        Assert.True(found.Count == 0, "Secrets written down:" + Environment.NewLine + string.Join(Environment.NewLine, found));
    }

    /// <summary>Every log file of the run, read while the host still writes it.</summary>
    private async Task<string> ReadLogAsync()
    {
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.GetFiles(Path.Combine(Host.Database.DataDirectory, "logs")))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            text.Append(await reader.ReadToEndAsync());
        }

        return text.ToString();
    }
}

public sealed class SecretsInLogsTestsOnSqlite() : SecretsInLogsTests(DatabaseKind.Sqlite);

public sealed class SecretsInLogsTestsOnPostgres() : SecretsInLogsTests(DatabaseKind.Postgres);
