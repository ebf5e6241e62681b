using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContactCenter.Host.Tests.Audit;

/// <summary>
/// Issue 13, finding 8: what admins and supervisors change is recorded — who, when, from where, what changed, secrets
/// masked — and admins read it back, filtered and in pages.
/// </summary>
public abstract class AuditLogTests(DatabaseKind kind) : HostTest(kind)
{
    private const string Office = "198.51.100.7";

    [Fact]
    public async Task An_admins_change_to_a_user_is_recorded_with_who_when_where_and_only_the_fields_that_changed()
    {
        var ritaId = await Host.CreateUserAsync("rita", "admin", "Rita Admin");
        var rita = await BrowserAsync("rita", Office);
        var (created, body) = await rita.PostJsonAsync("/api/v1/users", new { userName = "joao", displayName = "João", password = "Segredo-Inicial-1", role = "agent" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var joaoId = (string)body["id"]!;
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        var (updated, _) = await rita.PutJsonAsync($"/api/v1/users/{joaoId}", new { role = "supervisor", password = "Senha-Nova-2", displayName = "João" });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var entries = await EntriesAsync("?targetKind=user");
        var update = Assert.Single(entries, e => (string?)e["action"] == "user.updated");
        Assert.Equal((ritaId.ToString(), "Rita Admin", "user", Office), ((string?)update["actorId"], (string?)update["actorName"], (string?)update["actorKind"], (string?)update["clientAddress"]));
        Assert.Equal(Host.Clock.GetUtcNow().UtcDateTime, (DateTime)update["at"]!);
        Assert.Equal((joaoId, "joao"), ((string?)update["targetId"], (string?)update["targetLabel"]));
        // The name was sent unchanged: only the role and the password are changes, the password as a mask.
        Assert.Equal(
            ["role: agent → supervisor", "password: ••••"],
            Changes(update).Select(c => c.Before is null ? $"{c.Field}: {c.After}" : $"{c.Field}: {c.Before} → {c.After}"));

        var creation = Assert.Single(entries, e => (string?)e["action"] == "user.created" && (string?)e["targetId"] == joaoId);
        Assert.Contains(Changes(creation), c => c is { Field: "password", Before: null, After: "••••" });
        Assert.Contains(Changes(creation), c => c is { Field: "role", After: "agent" });
        Assert.DoesNotContain("Segredo-Inicial-1", Text(entries));
        Assert.DoesNotContain("Senha-Nova-2", Text(entries));
    }

    [Fact]
    public async Task A_refused_change_leaves_no_entry_and_an_api_key_is_named_as_the_actor()
    {
        var joao = await Host.CreateUserAsync("joao", "agent");
        var (refused, _) = await Host.CreateAdminClient().PutJsonAsync($"/api/v1/users/{joao}", new { role = "emperor" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var entries = await EntriesAsync("?targetKind=user");
        var only = Assert.Single(entries);
        Assert.Equal(("user.created", "apiKey"), ((string?)only["action"], (string?)only["actorKind"]));
    }

    [Fact]
    public async Task Teams_routing_channel_accounts_and_keys_are_recorded_and_channel_secrets_only_as_masks()
    {
        var admin = Host.CreateAdminClient();
        var team = await Host.CreateTeamAsync("Vendas");
        var ana = await Host.CreateUserAsync("ana", "agent");
        await Host.SetMembersAsync(team, ana);
        (await admin.PutJsonAsync("/api/v1/routing/settings", new
        {
            backlogRoundSeconds = 45, firstResponseTimeoutSeconds = 300, unansweredLeadMinutes = 30, awayAfterDisconnectSeconds = 120,
        })).Response.EnsureSuccessStatusCode();
        var (account, accountBody) = await admin.PostJsonAsync("/api/v1/channel-accounts", new
        {
            pluginId = "whatsapp-cloud",
            name = "Loja",
            settings = new Dictionary<string, object?>
            {
                ["phoneNumberId"] = "5511", ["wabaId"] = "777", ["accessToken"] = "EAAG-token-de-acesso",
                ["appSecret"] = "segredo-do-app", ["verifyToken"] = "token-de-verificacao",
            },
        });
        account.EnsureSuccessStatusCode();
        (await admin.PutJsonAsync($"/api/v1/channel-accounts/{accountBody["id"]}", new
        {
            name = "Loja Centro",
            settings = new Dictionary<string, object?> { ["phoneNumberId"] = "5511", ["wabaId"] = "777", ["appSecret"] = "outro-segredo" },
        })).Response.EnsureSuccessStatusCode();
        var (key, keyBody) = await admin.PostJsonAsync("/api/v1/api-keys", new { name = "CRM", role = "agent" });
        key.EnsureSuccessStatusCode();

        var entries = await EntriesAsync();
        Assert.Equal(
            ["apiKey.created", "channelAccount.updated", "channelAccount.created", "routingSettings.updated", "team.membersChanged", "user.created", "team.created"],
            entries.Select(e => (string)e["action"]!));
        var members = Changes(entries.Single(e => (string?)e["action"] == "team.membersChanged"));
        Assert.Equal(new Change("memberIds", "", ana.ToString()), Assert.Single(members));
        var routing = Changes(entries.Single(e => (string?)e["action"] == "routingSettings.updated"));
        Assert.Contains(routing, c => c is { Field: "backlogRoundSeconds", After: "45" });

        // The update changed the name and the app secret; the access token it left out kept its value, so it is no change.
        var update = Changes(entries.Single(e => (string?)e["action"] == "channelAccount.updated"));
        Assert.Equal(
            [new Change("name", "Loja", "Loja Centro"), new Change("settings.appSecret", "••••", "••••")],
            update.Where(c => c.Field is "name" or "settings.appSecret" or "settings.accessToken").OrderBy(c => c.Field, StringComparer.Ordinal));
        var text = Text(entries);
        foreach (var secret in new[] { "EAAG-token-de-acesso", "segredo-do-app", "token-de-verificacao", "outro-segredo", (string)keyBody["key"]! })
        {
            Assert.DoesNotContain(secret, text);
        }
    }

    [Fact]
    public async Task A_supervisor_changing_an_agents_presence_is_recorded_but_an_agent_changing_their_own_is_not()
    {
        var team = await Host.CreateTeamAsync("Vendas");
        var ana = await Host.CreateUserAsync("ana", "agent");
        var sofia = await Host.CreateUserAsync("sofia", "supervisor", "Sofia");
        await Host.SetMembersAsync(team, ana, sofia);
        var anasBrowser = await BrowserAsync("ana", "192.0.2.10");
        (await anasBrowser.PutJsonAsync($"/api/v1/agents/{ana}/presence", new { presence = "available" })).Response.EnsureSuccessStatusCode();
        var supervisor = await BrowserAsync("sofia", Office);
        (await supervisor.PutJsonAsync($"/api/v1/agents/{ana}/presence", new { presence = "away" })).Response.EnsureSuccessStatusCode();

        var entry = Assert.Single(await EntriesAsync("?action=agent"));
        Assert.Equal(("agent.presenceSet", "Sofia", Office, ana.ToString()), ((string?)entry["action"], (string?)entry["actorName"], (string?)entry["clientAddress"], (string?)entry["targetId"]));
        Assert.Equal(new Change("presence", "available", "away"), Assert.Single(Changes(entry)));
    }

    [Fact]
    public async Task Every_login_hold_is_recorded_as_anonymous_with_the_typed_name_and_the_address()
    {
        await Host.CreateUserAsync("rita", "admin");
        var attacker = Browser("203.0.113.9");
        for (var i = 0; i < 5; i++)
        {
            await attacker.PostAsJsonAsync("/api/v1/auth/login", new { userName = "rita", password = "wrong-password" });
            Host.Clock.Advance(TimeSpan.FromSeconds(20)); // past each hold, so every attempt is checked and counted
        }

        var holds = await EntriesAsync("?actor=anonymous");
        Assert.Equal(2, holds.Count); // the 4th and 5th failures each started a hold
        Assert.All(holds, h => Assert.Equal(
            ("login.throttled", "anonymous", "203.0.113.9", "login", "rita"),
            ((string?)h["action"], (string?)h["actorKind"], (string?)h["clientAddress"], (string?)h["targetKind"], (string?)h["targetId"])));
        Assert.Equal(["4", "5"], holds.Select(h => Changes(h).Single(c => c.Field == "failures").After).Order());
        Assert.DoesNotContain("wrong-password", Text(holds));
    }

    [Fact]
    public async Task Entries_are_filtered_by_time_actor_action_and_kind_and_paged_newest_first_without_repeats()
    {
        for (var i = 0; i < 5; i++)
        {
            await Host.CreateTeamAsync($"Equipe {i}");
            Host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var start = Host.Clock.GetUtcNow().UtcDateTime;
        await Host.CreateUserAsync("ana", "agent");

        var firstPage = await Host.CreateAdminClient().GetJsonAsync("/api/v1/audit?targetKind=team&limit=2");
        var cursor = (string)firstPage["nextCursor"]!;
        var labels = firstPage["items"]!.AsArray().Select(e => (string)e!["targetLabel"]!).ToList();
        while (cursor is not null)
        {
            var page = await Host.CreateAdminClient().GetJsonAsync($"/api/v1/audit?targetKind=team&limit=2&cursor={cursor}");
            labels.AddRange(page["items"]!.AsArray().Select(e => (string)e!["targetLabel"]!));
            cursor = (string?)page["nextCursor"]!;
        }

        Assert.Equal(["Equipe 4", "Equipe 3", "Equipe 2", "Equipe 1", "Equipe 0"], labels);
        Assert.Equal(["user.created"], (await EntriesAsync($"?from={Iso(start)}")).Select(e => (string)e["action"]!));
        Assert.Equal(["Equipe 0"], (await EntriesAsync($"?to={Iso(start.AddMinutes(-4))}")).Select(e => (string)e["targetLabel"]!));
        Assert.Equal(5, (await EntriesAsync("?action=team.created")).Count);
        Assert.Empty(await EntriesAsync("?actor=somebody-else"));

        var bad = await Host.CreateAdminClient().GetAsync("/api/v1/audit?cursor=not-a-cursor");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("validation_failed", (string?)(await bad.ReadJsonAsync())["code"]);
    }

    [Fact]
    public async Task Only_admins_read_the_audit_log()
    {
        await Host.CreateUserAsync("sofia", "supervisor");
        var supervisor = await Host.LoginAsync("sofia", Arrange.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.CreateClient().GetAsync("/api/v1/audit")).StatusCode);
    }

    [Fact]
    public async Task The_admin_page_shows_the_entries_with_the_filters()
    {
        await Host.CreateUserAsync("rita", "admin", "Rita Admin");
        await Host.CreateTeamAsync("Equipe Auditada");
        var rita = await BrowserAsync("rita", Office);

        var page = await rita.GetStringAsync("/admin/audit");
        Assert.Contains("data-testid=\"audit-filters\"", page);
        Assert.Contains("Equipe Auditada", page);
        Assert.Contains("team.created", page);
    }

    internal sealed record Change(string Field, string? Before, string? After);

    private static IReadOnlyList<Change> Changes(JsonNode entry) =>
        [.. entry["changes"]!.AsArray().Select(c => new Change((string)c!["field"]!, (string?)c["before"], (string?)c["after"]))];

    private static string Iso(DateTime instant) => Uri.EscapeDataString(instant.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    private async Task<List<JsonNode>> EntriesAsync(string query = "") =>
        [.. (await Host.CreateAdminClient().GetJsonAsync($"/api/v1/audit{query}"))["items"]!.AsArray().Select(e => e!)];

    private static string Text(IEnumerable<JsonNode> entries) => string.Join("\n", entries.Select(e => e.ToJsonString()));

    private HttpClient Browser(string address)
    {
        var client = Host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestHost.ClientAddressHeader, address);
        return client;
    }

    private async Task<HttpClient> BrowserAsync(string userName, string address)
    {
        var client = Browser(address);
        (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = Arrange.Password })).EnsureSuccessStatusCode();
        return client;
    }
}

public sealed class AuditLogTestsOnSqlite() : AuditLogTests(DatabaseKind.Sqlite);

public sealed class AuditLogTestsOnPostgres() : AuditLogTests(DatabaseKind.Postgres);
